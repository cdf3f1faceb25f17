using System.Diagnostics;
using System.Globalization;

namespace Spean.Search.Bench.Load;

/// <summary>The app under load: started from its built assembly (or one already running, given its process id), with its CPU time and peak resident set read from /proc.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process? started;

    private ServerProcess(int? pid, Process? started, string url)
    {
        Pid = pid;
        this.started = started;
        Url = url;
    }

    public int? Pid { get; }

    public string Url { get; }

    public static ServerProcess Running(string url, int? pid) => new(pid, null, url.TrimEnd('/'));

    public static async Task<ServerProcess> StartAsync(string assembly, int port, IReadOnlyDictionary<string, string?> settings, string logFile)
    {
        assembly = Path.GetFullPath(assembly);
        var url = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet", [assembly, "--urls", url])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings) info.Environment[key] = value;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // A load run measures pages, not the classifier's training or the reminder timer.
        info.Environment["Spean__Classifier__TrainOnStart"] = "false";
        info.Environment["Spean__Notifications__ReminderTimer"] = "false";
        var process = Process.Start(info)!;
        var log = new StreamWriter(logFile) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process.Id, process, url);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(600) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"the app stopped at start (exit code {process.ExitCode}); its log is {logFile}");
            try
            {
                // The first search builds the index, so the run starts with it built.
                if ((await client.GetAsync(url + "/recommendations?q=torture")).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException)
            {
            }
            if (clock.Elapsed > TimeSpan.FromMinutes(15)) throw new TimeoutException($"the app did not answer within 15 minutes; its log is {logFile}");
            await Task.Delay(500);
        }
        Console.WriteLine($"app {assembly} pid {process.Id} answering at {url} after {clock.Elapsed.TotalSeconds:F1} s");
        return server;
    }

    /// <summary>User plus system CPU time of the app so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            if (Pid is null) return TimeSpan.Zero;
            var fields = File.ReadAllText($"/proc/{Pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // utime and stime are fields 14 and 15 of stat, in clock ticks of 1/100 s on Linux.
            long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromMilliseconds(ticks * 10);
        }
    }

    /// <summary>The peak resident set since the last <see cref="ResetPeak"/>, in MiB.</summary>
    public double PeakMiB => Pid is null ? 0 : StatusKiB("VmHWM:") / 1024.0;

    public double ResidentMiB => Pid is null ? 0 : StatusKiB("VmRSS:") / 1024.0;

    public void ResetPeak()
    {
        if (Pid is not null) File.WriteAllText($"/proc/{Pid}/clear_refs", "5");
    }

    private long StatusKiB(string field)
    {
        var line = File.ReadLines($"/proc/{Pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (started is null) return;
        if (!started.HasExited)
        {
            started.Kill(entireProcessTree: true);
            await started.WaitForExitAsync();
        }
        started.Dispose();
    }
}
