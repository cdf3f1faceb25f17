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
public sealed class ReportSearch(SpeanDbContext db, ReportCounts counts)
{
    public const int MaxPageSize = 100;

    public async Task<ReportResults> SearchAsync(ReportFilter filter, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var items = await Matching(filter, viewer).OrderByDescending(r => r.OccurredFrom).ThenByDescending(r => r.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(cancellationToken);

        // The filters the counts are by are applied to the cells in memory, so one query serves the matches and every
        // count that leaves its own filter out. A place below a province is not in the cells and stays in the query.
        var counted = filter with { Category = null, Status = null, Confidentiality = null, HasEvidence = null, Place = null };
        var placeInCells = filter.Place is null || Cell.HoldsPlace(filter.Place);
        var cells = await CellsAsync(placeInCells ? counted : counted with { Place = filter.Place }, viewer, cancellationToken);
        var provinceCells = placeInCells ? cells : await CellsAsync(counted, viewer, cancellationToken);

        Dictionary<TKey, int> CountBy<TKey>(IEnumerable<Cell> over, ReportFilter without, Func<Cell, TKey> key) where TKey : notnull =>
            over.Where(c => c.Matches(without)).GroupBy(key).Select(g => (g.Key, Count: g.Sum(c => c.CountOf(without.HasEvidence))))
                .Where(g => g.Count > 0).ToDictionary(g => g.Key, g => g.Count);
        var withoutEvidence = cells.Where(c => c.Matches(filter with { HasEvidence = null })).ToList();

        return new ReportResults(cells.Where(c => c.Matches(filter)).Sum(c => c.CountOf(filter.HasEvidence)), items,
            CountBy(cells, filter with { Category = null }, c => c.Category),
            CountBy(cells, filter with { Status = null }, c => c.Status),
            CountBy(cells, filter with { Confidentiality = null }, c => c.Confidentiality),
            new Dictionary<bool, int> { [true] = withoutEvidence.Sum(c => c.CountOf(true)), [false] = withoutEvidence.Sum(c => c.CountOf(false)) }
                .Where(e => e.Value > 0).ToDictionary(),
            CountBy(provinceCells, filter with { Place = null }, c => c.Province));
    }

    /// <summary>Visible reports within the filter, by the two-digit gazetteer code of their province or the alpha-3 code of their country abroad.</summary>
    public async Task<Dictionary<string, int>> CountByProvinceAsync(ReportFilter filter, Viewer viewer, CancellationToken cancellationToken = default) =>
        (await CellsAsync(filter, viewer, cancellationToken)).GroupBy(c => c.Province).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));

    public Task<Report?> FindAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default) =>
        db.Reports.Include(r => r.History).VisibleTo(viewer).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>Every report the viewer may see within the filter (paging aside), unordered: the one door exports and timelines go through.</summary>
    public IQueryable<Report> Matching(ReportFilter filter, Viewer viewer) => Within(filter, db.Reports.AsNoTracking().VisibleTo(viewer));

    private IQueryable<Report> Within(ReportFilter filter, IQueryable<Report> reports)
    {
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
    internal sealed record Cell(string Category, ReportStatus Status, Confidentiality Confidentiality, string Province, int Count, int WithEvidence)
    {
        /// <summary>Whether the place filter can be applied to cells: Cambodia, a country, or a province (two digits).</summary>
        public static bool HoldsPlace(string place) =>
            place == Report.Cambodia || ReportPlaces.IsCountryCode(place) || place is [var a, var b] && char.IsAsciiDigit(a) && char.IsAsciiDigit(b);

        /// <summary>The same test as <see cref="Matching"/>'s for the filters a cell holds; a place it does not hold was applied by the query.</summary>
        public bool Matches(ReportFilter filter) =>
            (filter.Category is null || filter.Category == Category)
            && (filter.Status is null || filter.Status == Status)
            && (filter.Confidentiality is null || filter.Confidentiality == Confidentiality)
            && (filter.Place is not { } place || !HoldsPlace(place)
                || (place == Report.Cambodia ? !ReportPlaces.IsCountryCode(Province) : place == Province));

        public int CountOf(bool? hasEvidence) => hasEvidence switch { null => Count, true => WithEvidence, false => Count - WithEvidence };
    }

    /// <summary>
    /// The cells of the viewer's visible reports within the filter, as the cells of its parts (<see cref="ReportAccess.SeenByEveryMember"/>),
    /// each kept between requests (<see cref="ReportCounts"/>). A combination may come once from each part; every count sums.
    /// </summary>
    private async Task<List<Cell>> CellsAsync(ReportFilter filter, Viewer viewer, CancellationToken cancellationToken)
    {
        Task<List<Cell>> CountAsync(IQueryable<Report> part) => Within(filter, part)
            .Select(r => new CountedReport
            {
                Category = r.Category, Status = r.Status, Confidentiality = r.Confidentiality,
                Province = r.Province!, HasEvidence = db.EvidenceFiles.Any(f => f.ReportId == r.Id),
            })
            .GroupBy(r => new { r.Category, r.Status, r.Confidentiality, r.Province })
            .Select(g => new Cell(g.Key.Category, g.Key.Status, g.Key.Confidentiality, g.Key.Province, g.Count(), g.Count(r => r.HasEvidence)))
            .ToListAsync(cancellationToken);

        var reports = db.Reports.AsNoTracking();
        if (viewer.UserId is not { } userId)
            return [.. await counts.KeptAsync("anonymous", filter, () => CountAsync(reports.VisibleTo(viewer)))];
        var cells = new List<Cell>(await counts.KeptAsync("members", filter, () => CountAsync(reports.SeenByEveryMember())));
        if (viewer.OrganisationId is { } organisationId)
            cells.AddRange(await counts.KeptAsync($"organisation {organisationId}", filter, () => CountAsync(reports.SeenByOrganisation(organisationId))));
        cells.AddRange(await counts.KeptAsync($"viewer {userId} {viewer.OrganisationId}", filter, () => CountAsync(reports.SeenOnlyBy(userId, viewer.OrganisationId))));
        return cells;
    }

    /// <summary>The values the counts read of each report; a query only evaluates those it uses.</summary>
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
