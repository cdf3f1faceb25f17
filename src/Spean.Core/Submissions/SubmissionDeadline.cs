namespace Spean.Core.Submissions;

/// <summary>
/// The stakeholders' deadline when OHCHR's published one was not entered: about six and a half months before the review,
/// at noon in Geneva. The UPR calendar's own rule replaces this once it is merged.
/// </summary>
public static class SubmissionDeadline
{
    public static DateTime Derived(DateOnly reviewDate) => reviewDate.AddDays(-196).ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc);
}
