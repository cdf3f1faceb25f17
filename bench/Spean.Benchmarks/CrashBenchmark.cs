using System.Diagnostics;
using System.Globalization;
using Spean.Cli.Tests.CrashSafety;

namespace Spean.Search.Bench;

/// <summary>
/// `--only crash [kills=20] [rows=100000] [seed] [operations=import,restore,rotation,upload,backup]`: the long crash run. The
/// built CLI and web app (Release, built beforehand) killed with SIGKILL `kills` times per operation at moments drawn
/// from the seed, restarted and checked as the short runs in Spean.Cli.Tests are. Prints each kill and the table that
/// goes into docs/reliability.md; exits 1 on any failure.
/// </summary>
internal static class CrashBenchmark
{
    public static async Task<int> RunAsync(int kills, int rows, int seed, string? only)
    {
        var operations = (only ?? "import,restore,rotation,upload,backup").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var clock = Stopwatch.StartNew();
        var reports = new List<CrashReport>();
        foreach (var operation in operations)
        {
            CrashScenario scenario = operation switch
            {
                "import" => new ImportCrash(rows),
                "restore" => new RestoreCrash(referenceData: true),
                "backup" => new BackupCrash(referenceData: true),
                "rotation" => new RotationCrash(people: 5_000, files: 40, fileBytes: 2_000_000),
                "upload" => new UploadCrash(20_000_000, pauseMilliseconds: 10),
                _ => throw new ArgumentException($"No crash operation '{operation}': use import, restore, rotation, upload or backup."),
            };
            await using (scenario)
                reports.Add(await CrashRun.RunAsync(scenario, kills, seed, Console.WriteLine));
        }
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seed {seed}, {kills} kills per operation, {Environment.ProcessorCount} cores, {clock.Elapsed.TotalMinutes:F0} min, {DateTime.UtcNow:yyyy-MM-dd}"));
        Console.WriteLine(CrashReport.Table(reports));
        foreach (var failure in reports.SelectMany(r => r.Failures)) Console.WriteLine("FAILED: " + failure);
        return reports.Any(r => r.Failures.Count > 0) ? 1 : 0;
    }
}
