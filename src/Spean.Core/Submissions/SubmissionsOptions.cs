namespace Spean.Core.Submissions;

/// <summary>Spean:Submissions:* — OHCHR's word limits for stakeholders in the current cycle; footnotes count.</summary>
public sealed class SubmissionsOptions
{
    public const string Section = "Spean:Submissions";

    public int WordLimitIndividual { get; set; } = 2815;
    public int WordLimitJoint { get; set; } = 5630;

    public int LimitFor(SubmissionKind kind) => kind == SubmissionKind.Joint ? WordLimitJoint : WordLimitIndividual;
}
