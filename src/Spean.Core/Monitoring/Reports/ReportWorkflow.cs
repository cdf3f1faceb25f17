using Spean.Core.Data;

namespace Spean.Core.Monitoring.Reports;

/// <summary>
/// Moves a report through review: Draft → Submitted (author) → UnderReview → Verified → Published, or
/// Rejected from Submitted or UnderReview (coordinators of the owning organisation). Every step is kept.
/// </summary>
public sealed class ReportWorkflow(SpeanDbContext db, TimeProvider clock)
{
    /// <returns>Null when the step was taken, otherwise why it cannot be.</returns>
    public async Task<string?> MoveAsync(Report report, ReportStatus to, Viewer viewer, string userName, string? reason, CancellationToken cancellationToken = default)
    {
        if (Refusal(report, to, viewer, reason) is { } refusal) return refusal;
        var change = new StatusChange
        {
            ReportId = report.Id, From = report.Status, To = to, ById = viewer.UserId!.Value, By = userName,
            At = clock.GetUtcNow().UtcDateTime, Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        };
        // Added explicitly: a child found through the collection with its id already set would be taken for an existing row.
        db.Add(change);
        report.History.Add(change);
        report.Status = to;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public static string? Refusal(Report report, ReportStatus to, Viewer viewer, string? reason)
    {
        if (viewer.UserId is not { } userId) return "Sign in to change a report's status.";
        var from = report.Status;
        if (!Allowed(from).Contains(to))
            return $"A report cannot go from {from} to {to}. From {from} it can go to: {Describe(Allowed(from))}.";
        if (to == ReportStatus.Submitted)
            return report.AuthorId == userId ? null : "Only the author can submit a report.";
        if (!ReportAccess.CanReview(report, viewer))
            return "Only coordinators of the organisation that owns the report can review it.";
        if (to == ReportStatus.Rejected && string.IsNullOrWhiteSpace(reason))
            return "Say why the report is rejected: a reason is required.";
        if (to == ReportStatus.Published && report.Confidentiality == Confidentiality.Restricted
            && report.History.LastOrDefault(c => c.To == ReportStatus.Verified)?.ById == userId)
            return "A Restricted report needs a second reviewer: a coordinator other than the one who verified it must publish it.";
        return null;
    }

    public static IReadOnlyList<ReportStatus> Allowed(ReportStatus from) => from switch
    {
        ReportStatus.Draft => [ReportStatus.Submitted],
        ReportStatus.Submitted => [ReportStatus.UnderReview, ReportStatus.Rejected],
        ReportStatus.UnderReview => [ReportStatus.Verified, ReportStatus.Rejected],
        ReportStatus.Verified => [ReportStatus.Published],
        _ => [],
    };

    private static string Describe(IReadOnlyList<ReportStatus> steps) => steps.Count == 0 ? "nowhere, it is final" : string.Join(", ", steps);
}
