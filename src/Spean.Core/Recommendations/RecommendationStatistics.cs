using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Taxonomies;

namespace Spean.Core.Recommendations;

/// <summary>The fields recommendations can be counted by. Recommending State and issue hold several values a recommendation.</summary>
public enum RecommendationField
{
    Response,
    Session,
    Cycle,
    StateUnderReview,
    StateUnderReviewGroup,
    RecommendingState,
    RecommendingGroup,
    ActionCategory,
    Issue,
}

public sealed record StatisticsFilter(string? StateUnderReview = null, int? Session = null, int? Cycle = null, RecommendationResponse? Response = null);

public sealed record CrossTable(
    RecommendationField Rows, RecommendationField Columns, IReadOnlyList<string> RowKeys, IReadOnlyList<string> ColumnKeys,
    IReadOnlyDictionary<(string Row, string Column), int> Counts, int Total)
{
    public int Count(string row, string column) => Counts.GetValueOrDefault((row, column));

    public int RowTotal(string row) => ColumnKeys.Sum(c => Count(row, c));

    /// <summary>The share of the row's recommendations in the column, in percent with one decimal.</summary>
    public double RowPercent(string row, string column) =>
        RowTotal(row) == 0 ? 0 : Math.Round(100.0 * Count(row, column) / RowTotal(row), 1, MidpointRounding.AwayFromZero);
}

/// <summary>Crosses any recommendation field with any other, e.g. responses by recommending State's regional group.</summary>
public sealed class RecommendationStatistics(SpeanDbContext db)
{
    private const string None = "(none)";

    public async Task<CrossTable> CrossAsync(RecommendationField rows, RecommendationField columns, StatisticsFilter filter,
        CancellationToken cancellationToken = default)
    {
        var groups = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Iso3, c => c.RegionalGroup, cancellationToken);
        var query = db.Recommendations.AsNoTracking();
        if (filter.StateUnderReview is { } sur) query = query.Where(r => r.StateUnderReviewIso3 == sur);
        if (filter.Session is { } session) query = query.Where(r => r.Session == session);
        if (filter.Cycle is { } cycle) query = query.Where(r => r.Cycle == cycle);
        if (filter.Response is { } response) query = query.Where(r => r.Response == response);
        var facts = await query.Select(r => new Facts(
            r.Response, r.Session, r.Cycle, r.StateUnderReviewIso3, r.ActionCategory,
            r.RecommendingStates.Select(s => new State(s.Name, s.CountryIso3)).ToList(),
            r.Issues.Select(i => i.Issue).ToList())).ToListAsync(cancellationToken);

        var counts = new Dictionary<(string, string), int>();
        foreach (var fact in facts)
            foreach (var row in Values(fact, rows, groups))
                foreach (var column in Values(fact, columns, groups))
                    counts[(row, column)] = counts.GetValueOrDefault((row, column)) + 1;
        return new CrossTable(rows, columns, Keys(counts.Keys.Select(k => k.Item1)), Keys(counts.Keys.Select(k => k.Item2)), counts, facts.Count);
    }

    private static List<string> Keys(IEnumerable<string> keys) =>
        keys.Distinct().OrderBy(k => k == None).ThenBy(k => int.TryParse(k, out var n) ? n : int.MaxValue)
            .ThenBy(k => k, StringComparer.Ordinal).ToList();

    private static List<string> Values(Facts fact, RecommendationField field, IReadOnlyDictionary<string, RegionalGroup?> groups) => field switch
    {
        RecommendationField.Response => [fact.Response.ToString()],
        RecommendationField.Session => [fact.Session.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        RecommendationField.Cycle => [fact.Cycle.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        RecommendationField.StateUnderReview => [fact.StateUnderReview],
        RecommendationField.StateUnderReviewGroup => [Group(fact.StateUnderReview, groups)],
        RecommendationField.RecommendingState => Many(fact.States.Select(s => s.Iso3 ?? s.Name)),
        RecommendationField.RecommendingGroup => Many(fact.States.Select(s => s.Iso3 is null ? "Observer" : Group(s.Iso3, groups)).Distinct()),
        RecommendationField.ActionCategory => [fact.Action?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? None],
        _ => Many(fact.Issues),
    };

    private static string Group(string iso3, IReadOnlyDictionary<string, RegionalGroup?> groups) =>
        groups.GetValueOrDefault(iso3)?.ToString() ?? "Observer";

    private static List<string> Many(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? [None] : list;
    }

    private sealed record State(string Name, string? Iso3);

    private sealed record Facts(
        RecommendationResponse Response, int Session, int Cycle, string StateUnderReview, int? Action, List<State> States, List<string> Issues);
}
