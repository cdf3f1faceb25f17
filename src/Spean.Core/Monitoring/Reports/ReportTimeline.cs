using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Taxonomies;

namespace Spean.Core.Monitoring.Reports;

public sealed record TimelineEntry(
    Guid Id, string Title, string Category, DateOnly OccurredFrom, DateOnly? OccurredTo, ReportStatus Status, Confidentiality Confidentiality, string AdminUnitCode);

public sealed record TimelineMonth(int Year, int Month, IReadOnlyList<TimelineEntry> Reports)
{
    public IReadOnlyDictionary<string, int> ByCategory { get; } = Reports.CountBy(r => r.Category).ToDictionary();
}

public sealed record TimelineYear(int Year, IReadOnlyList<TimelineMonth> Months)
{
    public int Total { get; } = Months.Sum(m => m.Reports.Count);
    public IReadOnlyDictionary<string, int> ByCategory { get; } = Months.SelectMany(m => m.Reports).CountBy(r => r.Category).ToDictionary();
}

/// <param name="Path">The place and the units above it, province first; empty for the whole country.</param>
/// <param name="Places">The gazetteer units the reports lie in, by code.</param>
public sealed record Timeline(IReadOnlyList<AdminUnit> Path, IReadOnlyList<TimelineYear> Years, IReadOnlyDictionary<string, AdminUnit> Places)
{
    public AdminUnit? Place => Path.Count == 0 ? null : Path[^1];
    public int Total => Years.Sum(y => y.Total);
    public IReadOnlyDictionary<string, int> ByCategory => Years.SelectMany(y => y.Months).SelectMany(m => m.Reports).CountBy(r => r.Category).ToDictionary();
}

/// <summary>
/// The reports a viewer may see in and under a place, oldest first, by year and month: the chronology a
/// coordinator writes a submission from, which narrates events in the order they happened.
/// </summary>
public sealed class ReportTimeline(SpeanDbContext db, ReportSearch search, Gazetteer gazetteer)
{
    /// <returns>Null when the filter names a place the gazetteer does not hold.</returns>
    public async Task<Timeline?> BuildAsync(ReportFilter filter, Viewer viewer, CancellationToken cancellationToken = default)
    {
        List<AdminUnit> path = [];
        if (filter.Place is { } place)
        {
            path = await gazetteer.PathAsync(place, cancellationToken);
            if (path.Count == 0 || path[^1].Code != place) return null;
        }
        var entries = await search.Matching(filter, viewer)
            .OrderBy(r => r.OccurredFrom).ThenBy(r => r.ReportedAt).ThenBy(r => r.Id)
            .Select(r => new TimelineEntry(r.Id, r.Title, r.Category, r.OccurredFrom, r.OccurredTo, r.Status, r.Confidentiality, r.AdminUnitCode))
            .ToListAsync(cancellationToken);
        var codes = entries.Select(e => e.AdminUnitCode).Distinct().ToList();
        var places = await db.AdminUnits.AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, cancellationToken);
        var years = entries.GroupBy(e => e.OccurredFrom.Year)
            .Select(year => new TimelineYear(year.Key, year.GroupBy(e => e.OccurredFrom.Month).Select(month => new TimelineMonth(year.Key, month.Key, month.ToList())).ToList()))
            .ToList();
        return new Timeline(path, years, places);
    }
}
