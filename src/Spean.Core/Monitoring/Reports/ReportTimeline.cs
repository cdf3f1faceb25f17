using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Taxonomies;
using Spean.Core.Accounts;

namespace Spean.Core.Monitoring.Reports;

public sealed record TimelineEntry(
    Guid Id, string Title, string Category, DateOnly OccurredFrom, DateOnly? OccurredTo, ReportStatus Status, Confidentiality Confidentiality,
    string? AdminUnitCode, string? CountryIso3)
{
    public string PlaceCode => ReportPlaces.PlaceCode(AdminUnitCode, CountryIso3);
}

/// <param name="Total">Every report of the month; <paramref name="Reports"/> holds those on the page shown.</param>
public sealed record TimelineMonth(int Year, int Month, int Total, IReadOnlyDictionary<string, int> ByCategory, IReadOnlyList<TimelineEntry> Reports);

/// <param name="Page">The page the year starts on.</param>
public sealed record TimelineYear(int Year, int Total, IReadOnlyDictionary<string, int> ByCategory, int Page, IReadOnlyList<TimelineMonth> Months);

/// <param name="Path">The place and the units above it, province first; empty for every report, and for a country abroad.</param>
/// <param name="Country">The country abroad the timeline is of, when the place filter names one.</param>
/// <param name="Years">Every year with its counts; only the months and reports of the page shown carry reports.</param>
/// <param name="Places">The places the page's reports lie in (gazetteer units, countries abroad), by code.</param>
public sealed record Timeline(
    IReadOnlyList<AdminUnit> Path, int Total, IReadOnlyDictionary<string, int> ByCategory, int Page, int PageCount,
    IReadOnlyList<TimelineYear> Years, IReadOnlyDictionary<string, ReportPlace> Places, Country? Country = null)
{
    public AdminUnit? Place => Path.Count == 0 ? null : Path[^1];
}

/// <summary>
/// The reports a viewer may see in and under a place, oldest first, by year and month: the chronology a
/// coordinator writes a submission from, which narrates events in the order they happened. Counts cover
/// every report; the reports themselves come a page at a time, so a province with years of reports stays readable.
/// </summary>
public sealed class ReportTimeline(SpeanDbContext db, ReportSearch search, Gazetteer gazetteer)
{
    public const int PageSize = 200;

    /// <returns>Null when the filter names a place the gazetteer does not hold.</returns>
    public async Task<Timeline?> BuildAsync(ReportFilter filter, Viewer viewer, CancellationToken cancellationToken = default)
    {
        List<AdminUnit> path = [];
        Country? country = null;
        if (filter.Place is { } abroad && ReportPlaces.IsCountryCode(abroad) && abroad != Report.Cambodia)
        {
            country = await db.Countries.AsNoTracking().SingleOrDefaultAsync(c => c.Iso3 == abroad, cancellationToken);
            if (country is null) return null;
        }
        else if (filter.Place is { } place && place != Report.Cambodia)
        {
            path = await gazetteer.PathAsync(place, cancellationToken);
            if (path.Count == 0 || path[^1].Code != place) return null;
        }
        var ordered = search.Matching(filter, viewer).OrderBy(r => r.OccurredFrom).ThenBy(r => r.ReportedAt).ThenBy(r => r.Id);
        var all = await ordered.Select(r => new { r.OccurredFrom, r.Category }).ToListAsync(cancellationToken);
        var entries = await ordered.Skip((filter.Page - 1) * PageSize).Take(PageSize)
            .Select(r => new TimelineEntry(r.Id, r.Title, r.Category, r.OccurredFrom, r.OccurredTo, r.Status, r.Confidentiality, r.AdminUnitCode, r.CountryIso3))
            .ToListAsync(cancellationToken);
        var places = await ReportPlaces.NamesAsync(db, entries.Select(e => e.PlaceCode), cancellationToken);

        static Dictionary<string, int> ByCategory(IEnumerable<string> categories) => categories.CountBy(c => c).ToDictionary();
        var years = all.Select((r, index) => (r.OccurredFrom, r.Category, Page: index / PageSize + 1))
            .GroupBy(r => r.OccurredFrom.Year)
            .Select(year => new TimelineYear(year.Key, year.Count(), ByCategory(year.Select(r => r.Category)), year.First().Page,
                year.GroupBy(r => r.OccurredFrom.Month).Select(month => new TimelineMonth(year.Key, month.Key, month.Count(), ByCategory(month.Select(r => r.Category)),
                    entries.Where(e => e.OccurredFrom.Year == year.Key && e.OccurredFrom.Month == month.Key).ToList())).ToList()))
            .ToList();
        return new Timeline(path, all.Count, ByCategory(all.Select(r => r.Category)), filter.Page, Math.Max(1, (all.Count + PageSize - 1) / PageSize), years, places, country);
    }
}
