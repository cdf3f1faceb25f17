using System.Globalization;
using Spean.Core.Recommendations.Search;

namespace Spean.Core.Recommendations;

public sealed record CrossTable(
    string Rows, string Columns, IReadOnlyList<string> RowKeys, IReadOnlyList<string> ColumnKeys,
    IReadOnlyDictionary<(string Row, string Column), int> Counts, int Total)
{
    public int Count(string row, string column) => Counts.GetValueOrDefault((row, column));

    public int RowTotal(string row) => ColumnKeys.Sum(c => Count(row, c));

    public int ColumnTotal(string column) => RowKeys.Sum(r => Count(r, column));

    /// <summary>The share of the row's recommendations in the column, in percent with one decimal.</summary>
    public double RowPercent(string row, string column) =>
        RowTotal(row) == 0 ? 0 : Math.Round(100.0 * Count(row, column) / RowTotal(row), 1, MidpointRounding.AwayFromZero);
}

/// <summary>
/// Crosses any recommendation field with any other over whatever a <see cref="RecommendationQuery"/> matches,
/// e.g. responses by recommending State's regional group for one State under Review.
/// </summary>
public sealed class RecommendationStatistics(RecommendationSearch search)
{
    /// <summary>Where a recommendation has no value for a field (no action category, no issue tag).</summary>
    public const string None = "(none)";

    /// <returns>The table, or what to change in the question.</returns>
    public async Task<Outcome<CrossTable>> CrossAsync(
        RecommendationQuery query, string rows, string columns, CancellationToken cancellationToken = default)
    {
        var rowField = Field(rows);
        var columnField = Field(columns);
        if (rowField is null || columnField is null)
            return new Refusal(QueryProblem.UnknownCrossField, $"'rows' and 'columns' each take one of: {string.Join(", ", RecommendationQuery.Fields)}.",
                string.Join(", ", RecommendationQuery.Fields));
        var crossed = await search.CrossAsync(query, rowField, columnField, cancellationToken);
        if (crossed.Error is { } unreadable) return unreadable;
        var counts = crossed.Counts.ToDictionary(c => (c.Key.Row ?? None, c.Key.Column ?? None), c => c.Value);
        return new CrossTable(rowField, columnField, Keys(counts.Keys.Select(k => k.Item1)), Keys(counts.Keys.Select(k => k.Item2)),
            counts, crossed.Total);
    }

    private static string? Field(string name) =>
        RecommendationQuery.Fields.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Numbers in numeric order (sessions 2 before 10), then names, "(none)" last.</summary>
    private static List<string> Keys(IEnumerable<string> keys) =>
        keys.Distinct().OrderBy(k => k == None)
            .ThenBy(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
            .ThenBy(k => k, StringComparer.Ordinal).ToList();
}
