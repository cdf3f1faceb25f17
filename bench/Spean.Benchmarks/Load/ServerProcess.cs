using System.Diagnostics;
using System.Globalization;
using Spean.Testing;

namespace Spean.Search.Bench.Load;

/// <summary>The app under load: started from its built assembly (or one already running, given its process id), with its CPU time and peak resident set read from /proc.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly ChildProgram? started;
    private readonly string? logFile;

    private ServerProcess(int? pid, ChildProgram? started, string url, string? logFile = null)
    {
        Pid = pid;
        this.started = started;
        this.logFile = logFile;
        Url = url;
    }

    public int? Pid { get; }

    public string Url { get; }

    public static ServerProcess Running(string url, int? pid) => new(pid, null, url.TrimEnd('/'));

    public static async Task<ServerProcess> StartAsync(string assembly, int port, IReadOnlyDictionary<string, string?> settings, string logFile)
    {
        assembly = Path.GetFullPath(assembly);
        var url = new Uri($"http://127.0.0.1:{port}");
        var app = ChildProgram.StartWebApp(assembly, url, settings);
        var server = new ServerProcess(app.Id, app, url.ToString().TrimEnd('/'), logFile);
        var clock = Stopwatch.StartNew();
        // The first search builds the index, so the run starts with it built.
        await app.AnswersAsync(url, "/recommendations?q=torture", TimeSpan.FromMinutes(15));
        Console.WriteLine($"app {assembly} pid {app.Id} answering at {url} after {clock.Elapsed.TotalSeconds:F1} s; its output goes to {logFile}");
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
        started.Dispose();
        await File.WriteAllTextAsync(logFile!, started.Output);
    }
}
