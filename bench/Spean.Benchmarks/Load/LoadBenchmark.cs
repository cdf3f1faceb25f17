using System.Diagnostics;
using System.Globalization;
using Spean.Testing;

namespace Spean.Search.Bench.Load;

/// <summary>
/// `--only load`: fifty users against the real app (SQLite, or PostgreSQL with --postgres) with the shipped recommendations
/// (or a scaled corpus: a document count) and 10,000 reports; per route count, errors, throughput and p50/p95/p99,
/// and the app's CPU time and peak resident set. The generator runs on the same machine and shares its cores.
/// </summary>
/// <remarks>
/// Options: [documents=0 (the shipped 35k)] --app Spean.Web.dll | --url http://… [--pid N] · --data-dir D · --users 50 ·
/// --warmup 10 · --seconds 30 · --runs 1 · --mix full|search|varied|reports[-writing] · --route "map" (one route of the mix) · --reports 10000 ·
/// --think 0 (seconds a user reads a page on average before the next request; 0: at once).
/// </remarks>
internal static class LoadBenchmark
{
    public static async Task RunAsync(string[] args, string? postgres)
    {
        var options = Options(args);
        int documents = int.Parse(options.GetValueOrDefault("documents", "0"), CultureInfo.InvariantCulture);
        int reports = int.Parse(options.GetValueOrDefault("reports", "10000"), CultureInfo.InvariantCulture);
        int users = int.Parse(options.GetValueOrDefault("users", "50"), CultureInfo.InvariantCulture);
        int runs = int.Parse(options.GetValueOrDefault("runs", "1"), CultureInfo.InvariantCulture);
        var warmUp = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("warmup", "10"), CultureInfo.InvariantCulture));
        var duration = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("seconds", "30"), CultureInfo.InvariantCulture));
        var think = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("think", "0"), CultureInfo.InvariantCulture));
        var routes = LoadRoutes.Named(options.GetValueOrDefault("mix", "full"));
        if (options.TryGetValue("route", out var only)) routes = routes.Where(r => r.Name == only).ToArray();
        if (routes.Length == 0) throw new ArgumentException($"No route named '{only}' in the mix.");
        var provider = postgres is null ? "sqlite" : "postgresql";
        var data = LoadData.For(options.GetValueOrDefault("data-dir", Path.Combine(Path.GetTempPath(), $"spean-load-{provider}-{documents}")), postgres, documents);

        var clock = Stopwatch.StartNew();
        await data.FillAsync(documents, reports);
        Console.WriteLine($"data ready in {clock.Elapsed.TotalSeconds:F1} s: {data.Provider}, {(documents == 0 ? "shipped recommendations" : $"{documents:N0} recommendations")}, {reports:N0} reports, folder {data.DataDirectory}");

        await using var server = options.TryGetValue("url", out var url)
            ? ServerProcess.Running(url, options.TryGetValue("pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null)
            : await ServerProcess.StartAsync(options.TryGetValue("app", out var app) ? app : ChildProgram.WebApp, ChildProgram.FreePort(), data.Settings, Path.Combine(data.DataDirectory, "app.log"));
        var searchRates = new List<double>();
        var cpuPerRequest = new List<double>();
        for (int run = 1; run <= runs; run++)
        {
            var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            server.ResetPeak();
            var appCpu = server.CpuTime;
            var ownCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (figures, sent) = await new LoadGenerator(server.Url, routes, data.Token, data.WriterToken, think).RunAsync(users, warmUp, duration);
            // The CPU time includes the warm-up; the wall time below is warm-up plus measured time accordingly.
            var wall = (warmUp + duration).TotalSeconds;
            var appSeconds = (server.CpuTime - appCpu).TotalSeconds;
            var appCores = appSeconds / wall;
            var ownCores = (Process.GetCurrentProcess().TotalProcessorTime - ownCpu).TotalSeconds / wall;
            Console.WriteLine();
            Console.WriteLine($"run {run}/{runs} {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {users} users{(think > TimeSpan.Zero ? $" reading {think.TotalSeconds:0.#} s on average between requests" : "")}, {duration.TotalSeconds:F0} s after {warmUp.TotalSeconds:F0} s warm-up, load average {load} at start, {Environment.ProcessorCount} cores");
            Console.WriteLine($"{"route",-24} {"requests",9} {"errors",6} {"per s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
            foreach (var f in figures)
            {
                Console.WriteLine($"{f.Route.Name,-24} {f.Count,9:N0} {f.Errors,6:N0} {f.PerSecond,8:F1} {f.P50,8:F1} {f.P95,8:F1} {f.P99,8:F1} {f.Max,8:F1}");
                if (f.FirstError is not null) Console.WriteLine($"{"",-24} first error: {f.FirstError}");
            }
            Console.WriteLine($"{"all",-24} {figures.Sum(f => f.Count),9:N0} {figures.Sum(f => f.Errors),6:N0} {figures.Sum(f => f.PerSecond),8:F1}");
            // On a shared machine the app gets what the others leave; its CPU time per request is what it would cost on idle cores.
            Console.WriteLine($"app: {appCores:F2} cores busy, {appSeconds * 1000 / sent:F2} ms CPU per request ({sent:N0} requests with warm-up), peak resident {server.PeakMiB:F0} MiB (now {server.ResidentMiB:F0} MiB); generator: {ownCores:F2} cores busy");
            searchRates.Add(figures.FirstOrDefault(f => f.Route.Path == LoadRoutes.SearchPage)?.PerSecond ?? 0);
            cpuPerRequest.Add(appSeconds * 1000 / sent);
        }
        if (runs > 1)
        {
            var sorted = searchRates.Order().ToList();
            var cpu = cpuPerRequest.Order().ToList();
            Console.WriteLine($"search page per s by run: {string.Join(", ", searchRates.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))}; median {sorted[sorted.Count / 2]:F0}");
            Console.WriteLine($"app CPU ms per request by run: {string.Join(", ", cpuPerRequest.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))}; median {cpu[cpu.Count / 2]:F2}");
        }
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is "--only" or "--postgres") i++;
            else if (args[i].StartsWith("--", StringComparison.Ordinal)) options[args[i][2..]] = args[++i];
            else options["documents"] = args[i];
        }
        return options;
    }
}
