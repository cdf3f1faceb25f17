using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Spean.Core.Data;
using Spean.Core.Recommendations;

namespace Spean.Search.Bench;

/// <summary>
/// (d): the same queries as plain SQL over the database the import filled: a text condition (SQLite FTS5, or a
/// PostgreSQL tsvector column with a GIN index), the two filters, one GROUP BY a facet field for each of the
/// eight counts (each leaving out that field's own filter, as the index does), the total and the first 20 by
/// relevance (bm25 / ts_rank) or, when browsing, by session.
/// </summary>
internal sealed class SqlBaseline(DbConnection connection, bool postgres, StateNames states)
{
    private static readonly Dictionary<string, string> RegionalGroups = new()
    {
        ["Africa"] = "African", ["Asia"] = "AsiaPacific", ["EEG"] = "EasternEuropean",
        ["GRULAC"] = "LatinAmericanAndCaribbean", ["WEOG"] = "WesternEuropeanAndOthers",
    };

    /// <summary>Per facet field: the join that reaches its value, the value, and the count (distinct where two joined rows can share a value).</summary>
    private static readonly Dictionary<string, (string Join, string Value, string Count)> Facets = new()
    {
        ["sur"] = ("", "r.\"StateUnderReviewIso3\"", "COUNT(*)"),
        ["session"] = ("", "r.\"Session\"", "COUNT(*)"),
        ["response"] = ("", "r.\"Response\"", "COUNT(*)"),
        ["action"] = ("", "r.\"ActionCategory\"", "COUNT(*)"),
        ["surGroup"] = ("JOIN \"Countries\" c ON c.\"Iso3\" = r.\"StateUnderReviewIso3\"", "c.\"RegionalGroup\"", "COUNT(*)"),
        ["recommending"] = ("JOIN \"RecommendingState\" s ON s.\"RecommendationId\" = r.\"Id\"", "s.\"Name\"", "COUNT(*)"),
        ["recommendingGroup"] = ("JOIN \"RecommendingState\" s ON s.\"RecommendationId\" = r.\"Id\" JOIN \"Countries\" c ON c.\"Iso3\" = s.\"CountryIso3\"",
            "c.\"RegionalGroup\"", "COUNT(DISTINCT r.\"Id\")"),
        ["issue"] = ("JOIN \"RecommendationIssue\" i ON i.\"RecommendationId\" = r.\"Id\"", "i.\"Issue\"", "COUNT(*)"),
    };

    public static async Task RunAsync(BenchDatabase database, IReadOnlyList<UprInfoRow> rows)
    {
        var postgres = database.Provider == DatabaseProvider.PostgreSql;
        StateNames states;
        await using (var scope = database.Services.CreateAsyncScope())
            states = await StateNames.LoadAsync(scope.ServiceProvider.GetRequiredService<SpeanDbContext>());
        await using DbConnection connection = postgres ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        var baseline = new SqlBaseline(connection, postgres, states);
        var clock = Stopwatch.StartNew();
        await baseline.PrepareAsync();
        Console.WriteLine($"{database.Provider}: full-text index built in {clock.Elapsed.TotalSeconds:F1} s");

        if (Workload.SqlTextQueries.Length != Workload.TextQueries.Length)
            throw new InvalidOperationException("Every text query needs its SQL forms.");
        var filters = Workload.FilterPairs(rows, Workload.TextQueries.Length, seed: 7);
        await baseline.MeasureAsync($"{database.Provider} search, relevance, 8 counts",
            i => (postgres ? Workload.SqlTextQueries[i].TsQuery : Workload.SqlTextQueries[i].Fts5, filters[i]));
        await baseline.MeasureAsync($"{database.Provider} browse, filters only, 8 counts", i => (null, filters[i]));
    }

    private async Task PrepareAsync()
    {
        string[] statements = postgres
            ?
            [
                "CREATE TEXT SEARCH DICTIONARY bench_english (TEMPLATE = snowball, Language = english)",
                "CREATE TEXT SEARCH CONFIGURATION bench (COPY = english)",
                "ALTER TEXT SEARCH CONFIGURATION bench ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH bench_english",
                "ALTER TABLE \"Recommendations\" ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('bench'::regconfig, \"Text\")) STORED",
                "CREATE INDEX recommendations_search ON \"Recommendations\" USING GIN (search)",
                "VACUUM ANALYZE",
            ]
            :
            [
                "CREATE VIRTUAL TABLE recommendation_fts USING fts5(\"Text\", content='Recommendations', content_rowid='rowid', tokenize='porter unicode61')",
                "INSERT INTO recommendation_fts(recommendation_fts) VALUES('rebuild')",
                "ANALYZE",
            ];
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The first eight queries to warm the caches, then one measured pass over all of them.</summary>
    private async Task MeasureAsync(string name, Func<int, (string? Match, (string Field, string[] Values)[] Filters)> query)
    {
        int n = Workload.TextQueries.Length;
        for (int i = 0; i < 8; i++)
        {
            var (match, filters) = query(i);
            await SearchAsync(match, filters);
        }
        var times = new List<double>();
        long totals = 0;
        for (int i = 0; i < n; i++)
        {
            var (match, filters) = query(i);
            var clock = Stopwatch.StartNew();
            totals += await SearchAsync(match, filters);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"{name,-40} wall {Percentiles.Summary(times)} | mean hits {totals / n:N0}");
    }

    /// <returns>The total number of matching recommendations.</returns>
    private async Task<long> SearchAsync(string? match, (string Field, string[] Values)[] filters)
    {
        var negated = match?.StartsWith('!') == true && !postgres;
        if (negated) match = match![1..];
        long total;
        await using (var count = Command(match))
        {
            count.CommandText = $"SELECT COUNT(*) FROM \"Recommendations\" r WHERE {Where(count, match, negated, filters, null)}";
            total = Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        await using (var top = Command(match))
        {
            var where = Where(top, match, negated, filters, null);
            top.CommandText = (match is null || negated, postgres) switch
            {
                (true, _) => $"SELECT r.\"Id\" FROM \"Recommendations\" r WHERE {where} ORDER BY r.\"Session\" DESC, r.\"Id\" DESC LIMIT 20",
                (false, true) => $"SELECT r.\"Id\" FROM \"Recommendations\" r WHERE {where} ORDER BY ts_rank(r.search, to_tsquery('bench', @q)) DESC LIMIT 20",
                (false, false) => $"SELECT r.\"Id\" FROM recommendation_fts f JOIN \"Recommendations\" r ON r.rowid = f.rowid WHERE recommendation_fts MATCH @q AND {where} ORDER BY f.rank LIMIT 20",
            };
            await ReadAllAsync(top);
        }
        foreach (var field in Workload.CountFields)
        {
            await using var facet = Command(match);
            var (join, value, countExpression) = Facets[field];
            facet.CommandText = $"SELECT {value}, {countExpression} FROM \"Recommendations\" r {join} WHERE {Where(facet, match, negated, filters, field)} GROUP BY {value}";
            await ReadAllAsync(facet);
        }
        return total;
    }

    private DbCommand Command(string? match)
    {
        var command = connection.CreateCommand();
        command.CommandTimeout = 0;
        if (match is not null) Add(command, "@q", match);
        return command;
    }

    /// <summary>The text condition and every filter but the one on <paramref name="facet"/>; adds their parameters.</summary>
    private string Where(DbCommand command, string? match, bool negated, (string Field, string[] Values)[] filters, string? facet)
    {
        var conditions = new List<string> { "1 = 1" };
        if (match is not null)
            conditions.Add(postgres
                ? "r.search @@ to_tsquery('bench', @q)"
                : $"r.rowid {(negated ? "NOT IN" : "IN")} (SELECT rowid FROM recommendation_fts WHERE recommendation_fts MATCH @q)");
        foreach (var (field, values) in filters.Where(f => f.Field != facet))
        {
            var names = new List<string>();
            foreach (var value in values)
            {
                names.Add($"@f{command.Parameters.Count}");
                Add(command, names[^1], field switch
                {
                    "session" or "cycle" or "action" => int.Parse(value, CultureInfo.InvariantCulture),
                    "sur" => states.Iso3(value) ?? value,
                    "surGroup" or "recommendingGroup" => RegionalGroups.GetValueOrDefault(value, value),
                    _ => value,
                });
            }
            var list = string.Join(", ", names);
            conditions.Add(field switch
            {
                "sur" => $"r.\"StateUnderReviewIso3\" IN ({list})",
                "session" => $"r.\"Session\" IN ({list})",
                "cycle" => $"r.\"Cycle\" IN ({list})",
                "action" => $"r.\"ActionCategory\" IN ({list})",
                "response" => $"r.\"Response\" IN ({list})",
                "surGroup" => $"r.\"StateUnderReviewIso3\" IN (SELECT \"Iso3\" FROM \"Countries\" WHERE \"RegionalGroup\" IN ({list}))",
                "recommending" => $"r.\"Id\" IN (SELECT \"RecommendationId\" FROM \"RecommendingState\" WHERE \"Name\" IN ({list}))",
                "recommendingGroup" => $"r.\"Id\" IN (SELECT s.\"RecommendationId\" FROM \"RecommendingState\" s JOIN \"Countries\" c ON c.\"Iso3\" = s.\"CountryIso3\" WHERE c.\"RegionalGroup\" IN ({list}))",
                "issue" => $"r.\"Id\" IN (SELECT \"RecommendationId\" FROM \"RecommendationIssue\" WHERE \"Issue\" IN ({list}))",
                _ => throw new InvalidOperationException(field),
            });
        }
        return string.Join(" AND ", conditions);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task ReadAllAsync(DbCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }
}
