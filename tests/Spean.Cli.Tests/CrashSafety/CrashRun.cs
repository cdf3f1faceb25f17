using System.Diagnostics;
using System.Globalization;
using System.Text;
using Spean.Testing;

namespace Spean.Cli.Tests.CrashSafety;

/// <summary>One operation under way in a child process, and how to kill it.</summary>
internal sealed record Running(Task Completion, Func<bool> Kill);

/// <summary>
/// One operation to crash: its starting state, how to start it, what must hold right after a kill, how to run it again
/// and what must hold once that re-run is done. Failures are collected as sentences, not thrown, so one run names all.
/// </summary>
internal abstract class CrashScenario : IAsyncDisposable
{
    protected CrashScenario() => Folder = Directory.CreateTempSubdirectory("spean-crash-").FullName;

    public abstract string Operation { get; }

    protected string Folder { get; }

    /// <summary>Builds the starting state once.</summary>
    public abstract Task SetUpAsync();

    /// <summary>Prepares the state one kill starts from (a fresh copy, or one more change for the operation to undo).</summary>
    public abstract Task BeforeRoundAsync(int round);

    public abstract Task<Running> StartAsync(int round);

    /// <summary>What must hold the moment after the kill, before anything runs again; returns what the kill left, in a few words.</summary>
    public abstract Task<string> AfterKillAsync(int round, List<string> failures);

    /// <summary>The same operation again, to its end.</summary>
    public abstract Task RerunAsync(int round, List<string> failures);

    /// <summary>What must hold once the operation has completed.</summary>
    public abstract Task CheckAsync(int round, List<string> failures);

    public virtual ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
        return ValueTask.CompletedTask;
    }

    protected static Running Run(ChildProgram child) => new(child.ExitedAsync(), child.Kill);
}

/// <param name="KilledWhileRunning">False when the operation had already finished when its kill came.</param>
/// <param name="Left">What the kill left, as the scenario saw it before the re-run.</param>
internal sealed record KillRound(int Round, TimeSpan Delay, bool KilledWhileRunning, string Left, IReadOnlyList<string> Failures);

internal sealed record CrashReport(string Operation, int Seed, TimeSpan Uninterrupted, IReadOnlyList<string> SetUpFailures, IReadOnlyList<KillRound> Rounds)
{
    public int Kills => Rounds.Count;

    public int KilledWhileRunning => Rounds.Count(r => r.KilledWhileRunning);

    public IReadOnlyList<string> Failures =>
    [
        .. SetUpFailures.Select(f => $"{Operation}, uninterrupted run: {f}"),
        .. Rounds.SelectMany(r => r.Failures.Select(f =>
            string.Create(CultureInfo.InvariantCulture, $"{Operation}, kill {r.Round} after {r.Delay.TotalMilliseconds:F0} ms (seed {Seed}): {f}"))),
    ];

    /// <summary>Each state a kill left, with how many kills left it.</summary>
    public string States => string.Join("; ", Rounds.GroupBy(r => r.Left).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} ×{g.Count()}"));

    public static string Table(IEnumerable<CrashReport> reports)
    {
        var table = new StringBuilder();
        table.AppendLine("| operation | kills | landed while it ran | after it had finished | what the kills left | failures after restart |");
        table.AppendLine("|---|---|---|---|---|---|");
        foreach (var r in reports)
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Operation} (uninterrupted {r.Uninterrupted.TotalSeconds:F1} s) | {r.Kills} | {r.KilledWhileRunning} | {r.Kills - r.KilledWhileRunning} | {r.States} | {r.Failures.Count} |"));
        return table.ToString();
    }
}

/// <summary>
/// Kills an operation at moments drawn from a seeded random (the same seed replays the same delays), restarts, and
/// checks what a person would notice: the database opens and is intact, a re-run completes, nothing is doubled,
/// nothing is left unencrypted or unreferenced, every custody chain verifies.
/// </summary>
internal static class CrashRun
{
    public static async Task<CrashReport> RunAsync(CrashScenario scenario, int kills, int seed, Action<string>? log = null)
    {
        var random = new Random(seed);
        log?.Invoke($"{scenario.Operation}: seed {seed}, {kills} kills");
        await scenario.SetUpAsync();

        // An uninterrupted run first: it proves the operation works here and sets the window the kills are drawn from.
        await scenario.BeforeRoundAsync(0);
        var first = await scenario.StartAsync(0);
        // From the moment the operation starts (for an upload, once the app answers), as the kills are timed.
        var clock = Stopwatch.StartNew();
        await first.Completion;
        var uninterrupted = clock.Elapsed;
        var setUpFailures = new List<string>();
        await scenario.CheckAsync(0, setUpFailures);
        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{scenario.Operation}: uninterrupted run {uninterrupted.TotalSeconds:F1} s, {setUpFailures.Count} failures"));

        var rounds = new List<KillRound>();
        for (var round = 1; round <= kills; round++)
        {
            await scenario.BeforeRoundAsync(round);
            // A little past the uninterrupted time, so some kills land just after the end as well.
            var delay = TimeSpan.FromTicks((long)(random.NextDouble() * uninterrupted.Ticks * 1.1));
            var running = await scenario.StartAsync(round);
            await Task.WhenAny(running.Completion, Task.Delay(delay));
            var killed = running.Kill();
            try
            {
                await running.Completion;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
            {
                // The upload's connection dies with the server: that is the kill, not a finding.
            }
            var failures = new List<string>();
            var left = await scenario.AfterKillAsync(round, failures);
            await scenario.RerunAsync(round, failures);
            await scenario.CheckAsync(round, failures);
            rounds.Add(new KillRound(round, delay, killed, left, failures));
            log?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"{scenario.Operation} kill {round}: after {delay.TotalMilliseconds:F0} ms, {(killed ? "while running" : "after it finished")}, left {left}; {failures.Count} failures{string.Concat(failures.Select(f => "\n    " + f))}"));
        }
        return new CrashReport(scenario.Operation, seed, uninterrupted, setUpFailures, rounds);
    }
}
