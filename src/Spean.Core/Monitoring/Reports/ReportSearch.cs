using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;

namespace Spean.Core.Monitoring.Reports;

/// <param name="Place">A gazetteer code at any level; a province's code takes in its districts, communes and villages.</param>
public sealed record ReportFilter(
    string? Category = null, string? Place = null, DateOnly? From = null, DateOnly? To = null, ReportStatus? Status = null,
    Confidentiality? Confidentiality = null, bool? HasEvidence = null, int Page = 1, int PageSize = 20);

public sealed record ReportResults(int Total, IReadOnlyList<Report> Items, IReadOnlyDictionary<string, int> ByCategory, IReadOnlyDictionary<ReportStatus, int> ByStatus);

/// <summary>Lists the reports a viewer may see; counts are taken over the same visible set, so they never betray a hidden report.</summary>
public sealed class ReportSearch(SpeanDbContext db)
{
    public const int MaxPageSize = 100;

    public async Task<ReportResults> SearchAsync(ReportFilter filter, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var matches = Filter(db.Reports.AsNoTracking().VisibleTo(viewer), filter);
        var byCategory = await matches.GroupBy(r => r.Category).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var byStatus = await matches.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var items = await matches.OrderByDescending(r => r.OccurredFrom).ThenByDescending(r => r.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(cancellationToken);
        return new ReportResults(byStatus.Values.Sum(), items, byCategory, byStatus);
    }

    /// <summary>Visible reports within the filter, by the two-digit gazetteer code of their province.</summary>
    public async Task<Dictionary<string, int>> CountByProvinceAsync(ReportFilter filter, Viewer viewer, CancellationToken cancellationToken = default) =>
        await Filter(db.Reports.AsNoTracking().VisibleTo(viewer), filter)
            .GroupBy(r => r.AdminUnitCode.Substring(0, 2)).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    public Task<Report?> FindAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default) =>
        db.Reports.Include(r => r.History).VisibleTo(viewer).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    private IQueryable<Report> Filter(IQueryable<Report> reports, ReportFilter filter)
    {
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
}
