using Spean.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;

namespace Spean.Core.Implementation.Assessments;

/// <summary>
/// One piece of evidence as this viewer may see it. A field report the viewer may not see is <see cref="Restricted"/>:
/// no title, no id, no link, no organisation.
/// </summary>
public sealed record EvidenceView(AssessmentEvidenceKind Kind, bool Restricted, Guid? ReportId, string? Title, string? Url, DateOnly? Date);

/// <param name="Author">Null for visitors who are not signed in: people are not named on public pages.</param>
public sealed record AssessmentView(
    Guid Id, Guid RecommendationId, Guid OrganisationId, string Organisation, bool Consolidated, ImplementationStatus Status, DateOnly AsOf,
    string? NarrativeEn, string? NarrativeKm, bool Published, string? Author, DateTime RecordedAt, Guid? PreviousId, bool IsCurrent,
    IReadOnlyList<EvidenceView> Evidence);

/// <summary>A recommendation's assessments for one viewer: the one that counts, the current one of each organisation, and every earlier one.</summary>
public sealed record RecommendationAssessments(AssessmentView? Counting, IReadOnlyList<AssessmentView> Current, IReadOnlyList<AssessmentView> History)
{
    /// <summary>Organisations' current assessments do not agree on the status.</summary>
    public bool Disagree => Current.Select(a => a.Status).Distinct().Count() > 1;
}

/// <summary>Reports linked to a recommendation: those the viewer may see, and how many more exist that they may not.</summary>
public sealed record LinkedReports(IReadOnlyList<LinkedReport> Visible, int Restricted);

public sealed record LinkedReport(Guid Id, string Title, DateOnly OccurredFrom, ReportStatus Status);

/// <summary>Reads assessments as a viewer may see them: signed-in users see all, visitors only published ones.</summary>
public sealed class AssessmentQuery(SpeanDbContext db)
{
    public async Task<RecommendationAssessments> ForRecommendationAsync(Guid recommendationId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var rows = await Visible(viewer).Where(a => a.RecommendationId == recommendationId)
            .Include(a => a.Evidence).AsNoTracking().ToListAsync(cancellationToken);
        var views = await ShapeAsync(rows, viewer, cancellationToken);
        var counting = await CountingAssessment.Of(db.Assessments.Where(a => a.RecommendationId == recommendationId), viewer.IsAnonymous)
            .Select(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        var ordered = views.OrderByDescending(a => a.AsOf).ThenByDescending(a => a.RecordedAt).ToList();
        return new(ordered.FirstOrDefault(a => a.Id == counting),
            [.. ordered.Where(a => a.IsCurrent).OrderByDescending(a => a.Consolidated).ThenBy(a => a.Organisation, StringComparer.Ordinal)],
            ordered);
    }

    /// <summary>The status that counts for each of the recommendations that has one (<see cref="CountingAssessment"/>).</summary>
    public async Task<Dictionary<Guid, ImplementationStatus>> CountingStatusesAsync(
        IReadOnlyCollection<Guid> recommendationIds, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var ids = recommendationIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        var rows = await CountingAssessment.Of(db.Assessments.Where(a => ids.Contains(a.RecommendationId)), viewer.IsAnonymous)
            .Select(a => new { a.RecommendationId, a.Status }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.RecommendationId, r => r.Status);
    }

    public async Task<LinkedReports> LinkedReportsAsync(Guid recommendationId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var linked = db.Reports.Where(r => r.RecommendationIds.Contains(recommendationId));
        var visible = await linked.VisibleTo(viewer).OrderByDescending(r => r.OccurredFrom)
            .Select(r => new LinkedReport(r.Id, r.Title, r.OccurredFrom, r.Status)).ToListAsync(cancellationToken);
        // Others' drafts are not evidence yet, so they are not even counted.
        var total = await linked.CountAsync(r => r.Status != ReportStatus.Draft, cancellationToken);
        var visibleFiled = visible.Count(r => r.Status != ReportStatus.Draft);
        return new(visible, Math.Max(0, total - visibleFiled));
    }

    /// <summary>Reports the viewer may cite as evidence: found by words of the title or by id, newest first.</summary>
    public async Task<List<LinkedReport>> ReportsToCiteAsync(string? text, Viewer viewer, int take = 20, CancellationToken cancellationToken = default)
    {
        var reports = db.Reports.VisibleTo(viewer);
        var words = (text ?? "").Trim();
        if (Guid.TryParse(words, out var id)) reports = reports.Where(r => r.Id == id);
        else if (words.Length > 0)
        {
            var lower = words.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // runs as SQL lower() in the database, the same on both providers
            reports = reports.Where(r => r.Title.ToLower().Contains(lower));
#pragma warning restore CA1304, CA1311, CA1862
        }
        return await reports.OrderByDescending(r => r.ReportedAt).Take(take)
            .Select(r => new LinkedReport(r.Id, r.Title, r.OccurredFrom, r.Status)).ToListAsync(cancellationToken);
    }

    private IQueryable<Assessment> Visible(Viewer viewer) =>
        viewer.IsAnonymous ? db.Assessments.Where(a => a.Published) : db.Assessments;

    private async Task<List<AssessmentView>> ShapeAsync(List<Assessment> rows, Viewer viewer, CancellationToken cancellationToken)
    {
        var reportIds = rows.SelectMany(a => a.Evidence).Where(e => e.ReportId is not null).Select(e => e.ReportId!.Value).Distinct().ToList();
        var reports = await db.Reports.VisibleTo(viewer).Where(r => reportIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Title, r.OccurredFrom }).ToDictionaryAsync(r => r.Id, cancellationToken);
        var organisationIds = rows.Select(a => a.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return rows.Select(a => new AssessmentView(
            a.Id, a.RecommendationId, a.OrganisationId, organisations.GetValueOrDefault(a.OrganisationId) ?? "", a.Consolidated, a.Status, a.AsOf,
            a.NarrativeEn, a.NarrativeKm, a.Published, viewer.IsAnonymous ? null : a.Author, a.RecordedAt, a.PreviousId, a.IsCurrent,
            [.. a.Evidence.OrderBy(e => e.Kind).ThenBy(e => e.Id).Select(e => e.Kind != AssessmentEvidenceKind.FieldReport
                ? new EvidenceView(e.Kind, false, null, e.Title, e.Url, e.Date)
                : e.ReportId is { } id && reports.TryGetValue(id, out var report)
                    ? new EvidenceView(e.Kind, false, id, report.Title, null, report.OccurredFrom)
                    : new EvidenceView(e.Kind, true, null, null, null, null))])).ToList();
    }
}
