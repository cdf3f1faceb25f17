using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Spean.Testing;

/// <summary>A built Spean program (the CLI or the web app) run as its own process, as an operator or a service manager starts it.</summary>
public sealed class ChildProgram : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ChildProgram(Process process) => this.process = process;

    /// <summary>How long a command may take before it counts as hung: far longer than any of them needs here.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>The web app of the same build configuration in this repository.</summary>
    public static string WebApp => Built("Spean.Web.dll", "Spean.Web");

    /// <summary>The web app's static files: a build leaves them in the source tree, not beside the assembly.</summary>
    public static string WebRoot(string webApp) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(webApp)!, "..", "..", "..", "wwwroot"));

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    public static ChildProgram Start(string assembly, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, string? input = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(assembly);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>()) info.Environment[key] = value;
        var child = new ChildProgram(Process.Start(info)!);
        child.process.OutputDataReceived += (_, e) => child.Append(e.Data);
        child.process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        if (input is not null) child.process.StandardInput.Write(input);
        child.process.StandardInput.Close();
        return child;
    }

    /// <summary>
    /// The web app in Production listening on <paramref name="address"/>, with the classifier's training and the reminder
    /// timer off (they would take the cores from what is tested); <paramref name="settings"/> as environment variables.
    /// </summary>
    public static ChildProgram StartWebApp(string assembly, Uri address, IReadOnlyDictionary<string, string?> settings, params string[] arguments)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Spean__Classifier__TrainOnStart"] = "false",
            ["Spean__Notifications__ReminderTimer"] = "false",
        };
        foreach (var (key, value) in settings) environment[key] = value;
        return Start(assembly, ["--urls", address.ToString().TrimEnd('/'), .. arguments], environment);
    }

    /// <summary>Runs a command to its end; a command that hangs is killed and counted as a failure by its caller.</summary>
    public static async Task<(int Code, string Output)> RunAsync(string assembly, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null, string? input = null, TimeSpan? timeout = null)
    {
        using var child = Start(assembly, arguments, environment, input);
        var code = await child.WaitAsync(timeout ?? Patience);
        return (code, child.Output);
    }

    /// <summary>Returns once a GET of <paramref name="path"/> succeeds; throws when the program stops or does not answer in time.</summary>
    public async Task AnswersAsync(Uri address, string path, TimeSpan patience)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < patience)
        {
            if (process.HasExited) throw new InvalidOperationException($"The program stopped at start (exit {process.ExitCode}): {LastLines()}");
            try
            {
                using var answer = await client.GetAsync(path);
                if (answer.IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{path} did not answer within {patience.TotalMinutes:0.#} minutes: {LastLines()}");
    }

    /// <summary>The exit code; -1 when the program was still running after the timeout (it is then killed).</summary>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            return -1;
        }
        process.WaitForExit();
        return process.ExitCode;
    }

    public Task ExitedAsync() => process.WaitForExitAsync();

    /// <summary>SIGKILL on Linux: no handler, no finally block, no flush runs. True when the program was still running.</summary>
    public bool Kill()
    {
        try
        {
            if (process.HasExited) return false;
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        process.WaitForExit();
        return true;
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    /// <summary>The end of the program's output on one line, for a failure message.</summary>
    public string LastLines(int lines = 20) => Last(Output, lines);

    public static string Last(string text, int lines = 20) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(lines));

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A project's build of the same configuration as the running tests, found from the repository's root.</summary>
    public static string Built(string file, string project)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent?.Name ?? "Release";
        for (var folder = output; folder is not null; folder = folder.Parent)
        {
            if (!File.Exists(Path.Combine(folder.FullName, "Spean.slnx"))) continue;
            var built = Path.Combine(folder.FullName, "src", project, "bin", configuration, output.Name, file);
            return File.Exists(built) ? built : throw new FileNotFoundException($"Build the solution first ({configuration}): {built} is missing.");
        }
        throw new FileNotFoundException($"No {file} beside {AppContext.BaseDirectory} and no Spean.slnx above it.");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }
}
