using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;

namespace Spean.Core.Monitoring.Reports;

/// <param name="Place">A gazetteer code at any level; a province's code takes in its districts, communes and villages.</param>
public sealed record ReportFilter(
    string? Category = null, string? Place = null, DateOnly? From = null, DateOnly? To = null, ReportStatus? Status = null,
    Confidentiality? Confidentiality = null, bool? HasEvidence = null, int Page = 1, int PageSize = 20);

/// <summary>
/// One page of reports and, for each filter, how many reports each of its values would give. A filter's counts
/// leave out that filter's own choice and follow all the others, as on the recommendations page: with "Published"
/// chosen, the status counts still say how many Submitted reports the other filters match.
/// </summary>
/// <param name="ByProvince">By the two-digit gazetteer code of the report's province.</param>
public sealed record ReportResults(
    int Total, IReadOnlyList<Report> Items, IReadOnlyDictionary<string, int> ByCategory, IReadOnlyDictionary<ReportStatus, int> ByStatus,
    IReadOnlyDictionary<Confidentiality, int> ByConfidentiality, IReadOnlyDictionary<bool, int> ByEvidence, IReadOnlyDictionary<string, int> ByProvince);

/// <summary>Lists the reports a viewer may see; counts are taken over the same visible set, so they never betray a hidden report.</summary>
public sealed class ReportSearch(SpeanDbContext db)
{
    public const int MaxPageSize = 100;

    public async Task<ReportResults> SearchAsync(ReportFilter filter, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var matches = Matching(filter, viewer);
        var total = await matches.CountAsync(cancellationToken);
        var items = await matches.OrderByDescending(r => r.OccurredFrom).ThenByDescending(r => r.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(cancellationToken);
        var withEvidence = Matching(filter with { HasEvidence = null }, viewer);
        var evidenceTotal = await withEvidence.CountAsync(cancellationToken);
        var evidenceYes = await withEvidence.CountAsync(r => db.EvidenceFiles.Any(f => f.ReportId == r.Id), cancellationToken);
        return new ReportResults(total, items,
            await CountAsync(Matching(filter with { Category = null }, viewer), r => r.Category, cancellationToken),
            await CountAsync(Matching(filter with { Status = null }, viewer), r => r.Status, cancellationToken),
            await CountAsync(Matching(filter with { Confidentiality = null }, viewer), r => r.Confidentiality, cancellationToken),
            new Dictionary<bool, int> { [true] = evidenceYes, [false] = evidenceTotal - evidenceYes }.Where(c => c.Value > 0).ToDictionary(),
            await CountByProvinceAsync(filter with { Place = null }, viewer, cancellationToken));
    }

    /// <summary>Visible reports within the filter, by the two-digit gazetteer code of their province.</summary>
    public Task<Dictionary<string, int>> CountByProvinceAsync(ReportFilter filter, Viewer viewer, CancellationToken cancellationToken = default) =>
        CountAsync(Matching(filter, viewer), r => r.AdminUnitCode.Substring(0, 2), cancellationToken);

    /// <summary>Every report the viewer may see within the filter (paging aside), unordered: the one door exports and timelines go through.</summary>
    public IQueryable<Report> Matching(ReportFilter filter, Viewer viewer)
    {
        var reports = db.Reports.AsNoTracking().VisibleTo(viewer);
        if (filter.Category is { } category) reports = reports.Where(r => r.Category == category);
        if (filter.Place is { } place) reports = reports.Where(r => r.AdminUnitCode.StartsWith(place));
        if (filter.From is { } from) reports = reports.Where(r => (r.OccurredTo ?? r.OccurredFrom) >= from);
        if (filter.To is { } to) reports = reports.Where(r => r.OccurredFrom <= to);
        if (filter.Status is { } status) reports = reports.Where(r => r.Status == status);
        if (filter.Confidentiality is { } level) reports = reports.Where(r => r.Confidentiality == level);
        if (filter.HasEvidence is { } hasEvidence)
            reports = reports.Where(r => db.EvidenceFiles.Any(f => f.ReportId == r.Id) == hasEvidence);
        return reports;
    }

    public Task<Report?> FindAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default) =>
        db.Reports.Include(r => r.History).VisibleTo(viewer).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    private static Task<Dictionary<TKey, int>> CountAsync<TKey>(IQueryable<Report> reports, Expression<Func<Report, TKey>> key, CancellationToken cancellationToken)
        where TKey : notnull =>
        reports.GroupBy(key).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
