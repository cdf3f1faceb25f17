using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Spean.Search.Bench;

internal static class Experiment
{
    public static async Task RunAsync(BenchDatabase database, string csv)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        var indexes = new List<(string Name, string Sql)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('Recommendations', 'RecommendingState', 'RecommendationIssue', 'RecommendationSdgTarget')";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes)
        {
            await using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP INDEX \"{name}\"";
            await drop.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"dropped {string.Join(", ", indexes.Select(i => i.Name))}");
        await ImportBenchmark.ImportOnceAsync(database, csv, "import");
        var clock = Stopwatch.StartNew();
        foreach (var (_, sql) in indexes)
        {
            await using var create = connection.CreateCommand();
            create.CommandText = sql;
            await create.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"recreated in {clock.Elapsed.TotalSeconds:F1} s");
    }
}
