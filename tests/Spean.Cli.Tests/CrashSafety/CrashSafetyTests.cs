using System.Globalization;
using Xunit.Abstractions;

namespace Spean.Cli.Tests.CrashSafety;

/// <summary>
/// The short crash runs: the real built programs killed with SIGKILL at moments from a seeded random, restarted and
/// checked. The long run (20 kills each, 100,000 rows) is `Spean.Benchmarks --only crash`; figures in docs/reliability.md.
/// SPEAN_CRASH_SEED replays a run.
/// </summary>
[Collection(nameof(CommandTests))]
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private const int Kills = 2;
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("SPEAN_CRASH_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : 20261206;

    [Fact]
    public Task An_import_killed_at_any_moment_and_run_again_holds_every_row_once() => RunAsync(new ImportCrash(5_000));

    [Fact]
    public Task A_restore_killed_at_any_moment_leaves_the_old_rows_or_the_backups_and_runs_again() => RunAsync(new RestoreCrash(referenceData: false));

    [Fact]
    public Task A_backup_killed_while_writing_over_the_last_one_leaves_a_backup_that_opens() => RunAsync(new BackupCrash(referenceData: true));

    [Fact]
    public Task A_key_rotation_killed_at_any_moment_leaves_everything_readable_and_completes_when_run_again() =>
        RunAsync(new RotationCrash(people: 300, files: 6, fileBytes: 1_000_000));

    [Fact]
    public Task An_upload_whose_server_is_killed_leaves_no_stray_file_and_its_retry_keeps_it_once() => RunAsync(new UploadCrash(3_000_000, pauseMilliseconds: 40));

    private async Task RunAsync(CrashScenario scenario)
    {
        await using (scenario)
        {
            var report = await CrashRun.RunAsync(scenario, Kills, Seed, output.WriteLine);
            output.WriteLine(CrashReport.Table([report]));
            Assert.Equal(Kills, report.Kills);
            Assert.True(report.Failures.Count == 0, string.Join("\n", report.Failures));
        }
    }
}
