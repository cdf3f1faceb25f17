using Spean.Core.Data;
using Spean.Core.Accounts;

namespace Spean.Core.Monitoring.Reports;

public enum WorkflowRefusal
{
    SignInRequired,
    StatusIsFinal,
    StepNotAllowed,
    OnlyAuthorSubmits,
    OnlyCoordinatorsReview,
    ReasonRequired,
    SecondReviewerRequired,
}

/// <summary>
/// Moves a report through review: Draft → Submitted (author) → UnderReview → Verified → Published, or
/// Rejected from Submitted or UnderReview (coordinators of the owning organisation). Every step is kept.
/// </summary>
public sealed class ReportWorkflow(SpeanDbContext db, TimeProvider clock)
{
    /// <returns>Null when the step was taken, otherwise why it cannot be.</returns>
    public async Task<Refusal?> MoveAsync(Report report, ReportStatus to, Viewer viewer, string userName, string? reason, CancellationToken cancellationToken = default)
    {
        // A step repeated by the person who took it (a phone sending again after its answer was lost) is done, not refused.
        if (report.Status == to && report.History.MaxBy(c => c.At)?.ById == viewer.UserId) return null;
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

    public static Refusal? Refusal(Report report, ReportStatus to, Viewer viewer, string? reason)
    {
        if (viewer.UserId is not { } userId) return new(WorkflowRefusal.SignInRequired, "Sign in to change a report's status.");
        var from = report.Status;
        if (Allowed(from).Count == 0)
            return new(WorkflowRefusal.StatusIsFinal, $"A report cannot go from {from} to {to}. From {from} it can go to: nowhere, it is final.", from);
        if (!Allowed(from).Contains(to))
            return new(WorkflowRefusal.StepNotAllowed,
                $"A report cannot go from {from} to {to}. From {from} it can go to: {string.Join(", ", Allowed(from))}.", from, to, Allowed(from));
        if (to == ReportStatus.Submitted)
            return report.AuthorId == userId ? null : new(WorkflowRefusal.OnlyAuthorSubmits, "Only the author can submit a report.");
        if (!ReportAccess.CanReview(report, viewer))
            return new(WorkflowRefusal.OnlyCoordinatorsReview, "Only coordinators of the organisation that owns the report can review it.");
        if (to == ReportStatus.Rejected && string.IsNullOrWhiteSpace(reason))
            return new(WorkflowRefusal.ReasonRequired, "Say why the report is rejected: a reason is required.");
        if (to == ReportStatus.Published && report.Confidentiality == Confidentiality.Restricted
            && report.History.LastOrDefault(c => c.To == ReportStatus.Verified)?.ById == userId)
            return new(WorkflowRefusal.SecondReviewerRequired,
                "A Restricted report needs a second reviewer: a coordinator other than the one who verified it must publish it.");
        return null;
    }

    /// <summary>Evidence can be added until a coordinator verifies the report, so that what is published has been reviewed.</summary>
    public static bool TakesEvidence(ReportStatus status) => status is ReportStatus.Draft or ReportStatus.Submitted or ReportStatus.UnderReview;

    public static IReadOnlyList<ReportStatus> Allowed(ReportStatus from) => from switch
    {
        ReportStatus.Draft => [ReportStatus.Submitted],
        ReportStatus.Submitted => [ReportStatus.UnderReview, ReportStatus.Rejected],
        ReportStatus.UnderReview => [ReportStatus.Verified, ReportStatus.Rejected],
        ReportStatus.Verified => [ReportStatus.Published],
        _ => [],
    };
}
