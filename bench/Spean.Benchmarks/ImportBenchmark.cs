using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Search.Upr;
using Spean.Core;

namespace Spean.Search.Bench;

/// <summary>(c): the scaled corpus written as a UPR Info CSV and imported through RecommendationImporter, as `spean import recommendations --file` does.</summary>
internal static class ImportBenchmark
{
    public static void WriteCsv(IReadOnlyList<UprInfoRow> rows, int count, string path)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var header in CsvColumnMap.UprInfo.Columns.Values)
        {
            csv.WriteField(header);
        }
        csv.NextRecord();
        foreach (var (row, _) in ScaledCorpus.Rows(rows, count))
        {
            foreach (var field in CsvColumnMap.UprInfo.Columns.Keys)
            {
                csv.WriteField(field switch
                {
                    "sur" => row.StateUnderReview,
                    "surGroup" => row.StateUnderReviewGroup,
                    "surOrg" => string.Join(", ", row.StateUnderReviewOrganisations),
                    "text" => row.Text,
                    "from" => row.RecommendingState,
                    "fromGroup" => row.RecommendingGroup,
                    "fromOrg" => string.Join(", ", row.RecommendingOrganisations),
                    "response" => row.Response,
                    "action" => row.ActionCategory?.ToString(CultureInfo.InvariantCulture) ?? "",
                    "issues" => string.Join(",", row.Issues),
                    "session" => row.Session.ToString(CultureInfo.InvariantCulture),
                    "cycle" => row.Cycle.ToString(CultureInfo.InvariantCulture),
                    _ => throw new InvalidOperationException(field),
                });
            }
            csv.NextRecord();
        }
    }

    /// <summary>Reads and imports the file, then imports it again (which must change nothing).</summary>
    /// <remarks>
    /// Each import is measured as its own `spean import` process would be: Npgsql's idle pooled connection keeps the last
    /// import's objects reachable until the pool prunes it, which would count the import against the re-import's memory.
    /// </remarks>
    public static async Task RunAsync(BenchDatabase database, string csvPath)
    {
        await ImportOnceAsync(database, csvPath, "import");
        NpgsqlConnection.ClearAllPools();
        await ImportOnceAsync(database, csvPath, "re-import");
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task ImportOnceAsync(BenchDatabase database, string csvPath, string name)
    {
        PeakMemory.Reset();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var steps = new StepClock(clock);
        await using var scope = database.Services.CreateAsyncScope();
        var file = UprInfoCsv.Read(csvPath);
        steps.Report(new ImportProgress($"read {file.Rows.Count:N0} rows", 0, 0));
        var report = await scope.ServiceProvider.GetRequiredService<RecommendationImporter>().ImportAsync(file, progress: steps);
        clock.Stop();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"{database.Provider} {name}: wall {clock.Elapsed.TotalSeconds:F1} s, cpu {cpuSeconds:F1} s, peak working set {PeakMemory.MiB:F0} MiB;"
            + $" created {report.Created:N0}, updated {report.Updated:N0}, unchanged {report.Unchanged:N0}, rejected {report.Rejected.Count:N0}");
    }

    /// <summary>Prints when each step of the import starts.</summary>
    private sealed class StepClock(Stopwatch clock) : IProgress<ImportProgress>
    {
        private string? step;

        public void Report(ImportProgress value)
        {
            if (value.Step == step) return;
            step = value.Step;
            Console.WriteLine($"   {clock.Elapsed.TotalSeconds,6:F1} s  {step}");
        }
    }
}
