using Spean.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;

namespace Spean.Core.Implementation.Evidence;

public enum ReportLinkProblem
{
    ReportNotFound,
    MayNotLink,
    UnknownRecommendation,
    UnknownConcession,
}

/// <summary>
/// Links a report to the recommendations and concessions it bears on, at any stage of review: the links say what
/// a report is evidence of, not what it says. Its author may, and so may the coordinators who review it.
/// </summary>
public sealed class ReportLinks(SpeanDbContext db)
{
    public static bool MayLink(Report report, Viewer viewer) => report.AuthorId == viewer.UserId || ReportAccess.CanReview(report, viewer);

    public async Task<Refusal?> LinkRecommendationAsync(Guid reportId, Guid recommendationId, bool linked, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (report, refusal) = await FindAsync(reportId, viewer, cancellationToken);
        if (report is null) return refusal;
        if (linked && !await db.Recommendations.AnyAsync(r => r.Id == recommendationId, cancellationToken))
            return new Refusal(ReportLinkProblem.UnknownRecommendation, $"No recommendation has the id '{recommendationId}'.", recommendationId);
        var ids = report.RecommendationIds.Where(id => id != recommendationId).ToList();
        if (linked) ids.Add(recommendationId);
        report.RecommendationIds = ids;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<Refusal?> LinkConcessionAsync(Guid reportId, string concessionId, bool linked, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (report, refusal) = await FindAsync(reportId, viewer, cancellationToken);
        if (report is null) return refusal;
        var id = concessionId.Trim();
        if (linked && !await db.Concessions.AnyAsync(c => c.Id == id, cancellationToken))
            return new Refusal(ReportLinkProblem.UnknownConcession, $"There is no concession \"{id}\".", id);
        var ids = report.ConcessionIds.Where(c => c != id).ToList();
        if (linked) ids.Add(id);
        report.ConcessionIds = ids;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async Task<Outcome<Report>> FindAsync(Guid reportId, Viewer viewer, CancellationToken cancellationToken)
    {
        var report = await db.Reports.VisibleTo(viewer).SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null) return new Refusal(ReportLinkProblem.ReportNotFound, $"No report you may see has the id '{reportId}'.", reportId);
        if (!MayLink(report, viewer))
            return new Refusal(ReportLinkProblem.MayNotLink, "Only the report's author and the coordinators who review it link it to recommendations and concessions.");
        return report;
    }
}
