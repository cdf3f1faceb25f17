using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Accounts;

namespace Spean.Core.Monitoring.Reports;

/// <param name="Place">
/// A gazetteer code at any level (a province's code takes in its districts, communes and villages), or a country's
/// ISO 3166 alpha-3 code for the reports located there (KHM: every report in Cambodia).
/// </param>
/// <param name="Text">Words that must all occur in the title, narrative or tags, each as a word or the start of one; Khmer is split into words.</param>
public sealed record ReportFilter(
    string? Category = null, string? Place = null, DateOnly? From = null, DateOnly? To = null, ReportStatus? Status = null,
    Confidentiality? Confidentiality = null, bool? HasEvidence = null, int Page = 1, int PageSize = 20, string? Text = null);

/// <summary>
/// One page of reports and, for each filter, how many reports each of its values would give. A filter's counts
/// leave out that filter's own choice and follow all the others, as on the recommendations page: with "Published"
/// chosen, the status counts still say how many Submitted reports the other filters match.
/// </summary>
/// <param name="ByProvince">By the two-digit gazetteer code of the report's province, or the alpha-3 code of its country when it is not in Cambodia.</param>
public sealed record ReportResults(
    int Total, IReadOnlyList<Report> Items, IReadOnlyDictionary<string, int> ByCategory, IReadOnlyDictionary<ReportStatus, int> ByStatus,
    IReadOnlyDictionary<Confidentiality, int> ByConfidentiality, IReadOnlyDictionary<bool, int> ByEvidence, IReadOnlyDictionary<string, int> ByProvince);

/// <summary>Lists the reports a viewer may see; counts are taken over the same visible set, so they never betray a hidden report.</summary>
public sealed class ReportSearch(SpeanDbContext db)
{
    public const int MaxPageSize = 100;

    public async Task<ReportResults> SearchAsync(ReportFilter filter, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var items = await Matching(filter, viewer).OrderByDescending(r => r.OccurredFrom).ThenByDescending(r => r.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(cancellationToken);
        var matches = await CellsAsync(filter, viewer, cancellationToken);

        // A filter left empty counts over the matches themselves; only a chosen one needs the reports without its choice.
        async Task<List<Cell>> CellsWithoutAsync(bool chosen, ReportFilter withoutIt) => chosen ? await CellsAsync(withoutIt, viewer, cancellationToken) : matches;
        async Task<Dictionary<TKey, int>> CountAsync<TKey>(bool chosen, ReportFilter withoutIt, Func<Cell, TKey> key) where TKey : notnull =>
            (await CellsWithoutAsync(chosen, withoutIt)).GroupBy(key).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var evidence = await CellsWithoutAsync(filter.HasEvidence is not null, filter with { HasEvidence = null });

        return new ReportResults(matches.Sum(c => c.Count), items,
            await CountAsync(filter.Category is not null, filter with { Category = null }, c => c.Category),
            await CountAsync(filter.Status is not null, filter with { Status = null }, c => c.Status),
            await CountAsync(filter.Confidentiality is not null, filter with { Confidentiality = null }, c => c.Confidentiality),
            new Dictionary<bool, int> { [true] = evidence.Sum(c => c.WithEvidence), [false] = evidence.Sum(c => c.Count - c.WithEvidence) }
                .Where(e => e.Value > 0).ToDictionary(),
            await CountAsync(filter.Place is not null, filter with { Place = null }, c => c.Province));
    }

    /// <summary>Visible reports within the filter, by the two-digit gazetteer code of their province or the alpha-3 code of their country abroad.</summary>
    /// <remarks>
    /// Grouped by more than the province, then summed: grouped in the counting index's order, SQLite reads that index
    /// instead of every report (by province alone it reads every row), and by all four of its leading keys it does not
    /// sort at all (43 % fewer instructions than by category and province, on the load data). PostgreSQL hashes the groups instead
    /// and spends more on eight times as many, so it groups by category and province.
    /// </remarks>
    public async Task<Dictionary<string, int>> CountByProvinceAsync(ReportFilter filter, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var reports = Counted(filter, viewer);
        var groups = db.Database.IsSqlite()
            ? reports.GroupBy(r => new { r.Category, r.Status, r.Confidentiality, r.Province }).Select(g => new { g.Key.Province, Count = g.Count() })
            : reports.GroupBy(r => new { r.Category, r.Province }).Select(g => new { g.Key.Province, Count = g.Count() });
        return (await groups.ToListAsync(cancellationToken)).GroupBy(c => c.Province).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
    }

    public Task<Report?> FindAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default) =>
        db.Reports.Include(r => r.History).VisibleTo(viewer).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>Every report the viewer may see within the filter (paging aside), unordered: the one door exports and timelines go through.</summary>
    public IQueryable<Report> Matching(ReportFilter filter, Viewer viewer)
    {
        var reports = db.Reports.AsNoTracking().VisibleTo(viewer);
        foreach (var word in ReportSearchText.QueryWords(filter.Text))
        {
            var wordStart = " " + word;
            reports = reports.Where(r => r.SearchText!.Contains(wordStart));
        }
        if (filter.Category is { } category) reports = reports.Where(r => r.Category == category);
        if (filter.Place is { } place)
            reports = place == Report.Cambodia ? reports.Where(r => r.CountryIso3 == null)
                : ReportPlaces.IsCountryCode(place) ? reports.Where(r => r.CountryIso3 == place)
                : reports.Where(r => r.AdminUnitCode!.StartsWith(place));
        if (filter.From is { } from) reports = reports.Where(r => (r.OccurredTo ?? r.OccurredFrom) >= from);
        if (filter.To is { } to) reports = reports.Where(r => r.OccurredFrom <= to);
        if (filter.Status is { } status) reports = reports.Where(r => r.Status == status);
        if (filter.Confidentiality is { } level) reports = reports.Where(r => r.Confidentiality == level);
        if (filter.HasEvidence is { } hasEvidence)
            reports = reports.Where(r => db.EvidenceFiles.Any(f => f.ReportId == r.Id) == hasEvidence);
        return reports;
    }

    /// <summary>How many reports share each combination of the values the list counts by, and how many of them have evidence; a few thousand rows at most, whatever the number of reports.</summary>
    /// <remarks>Evidence is counted within each combination rather than grouped by: grouping by it too doubled the rows and the sorting, and cost more than the other four values together.</remarks>
    private sealed record Cell(string Category, ReportStatus Status, Confidentiality Confidentiality, string Province, int Count, int WithEvidence);

    private Task<List<Cell>> CellsAsync(ReportFilter filter, Viewer viewer, CancellationToken cancellationToken) =>
        Counted(filter, viewer)
            .GroupBy(r => new { r.Category, r.Status, r.Confidentiality, r.Province })
            .Select(g => new Cell(g.Key.Category, g.Key.Status, g.Key.Confidentiality, g.Key.Province, g.Count(), g.Count(r => r.HasEvidence)))
            .ToListAsync(cancellationToken);

    /// <summary>The values the counts read of each visible report within the filter; a query only evaluates those it uses.</summary>
    private IQueryable<CountedReport> Counted(ReportFilter filter, Viewer viewer) =>
        Matching(filter, viewer).Select(r => new CountedReport
        {
            Category = r.Category, Status = r.Status, Confidentiality = r.Confidentiality,
            Province = r.Province!, HasEvidence = db.EvidenceFiles.Any(f => f.ReportId == r.Id),
        });

    private sealed class CountedReport
    {
        public required string Category { get; init; }
        public ReportStatus Status { get; init; }
        public Confidentiality Confidentiality { get; init; }
        /// <summary>The two-digit gazetteer code of the report's province, or the alpha-3 code of its country abroad.</summary>
        public required string Province { get; init; }
        public bool HasEvidence { get; init; }
    }
}
