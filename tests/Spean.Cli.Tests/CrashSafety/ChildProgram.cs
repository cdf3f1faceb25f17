using System.Diagnostics;
using System.Text;

namespace Spean.Cli.Tests.CrashSafety;

/// <summary>A built Spean program (the CLI or the web app) run as its own process, as an operator or a service manager starts it.</summary>
internal sealed class ChildProgram : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ChildProgram(Process process) => this.process = process;

    /// <summary>How long a command may take before it counts as hung: far longer than any of them needs here.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>SPEAN_CRASH_CLI and SPEAN_CRASH_WEB name other builds (a long run on copies, while the tree is rebuilt).</summary>
    public static string Cli => Environment.GetEnvironmentVariable("SPEAN_CRASH_CLI") ?? Locate("spean.dll", "Spean.Cli");

    public static string Web => Environment.GetEnvironmentVariable("SPEAN_CRASH_WEB") ?? Locate("Spean.Web.dll", "Spean.Web");

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

    /// <summary>Runs a command to its end; a command that hangs is killed and counted as a failure by its caller.</summary>
    public static async Task<(int Code, string Output)> RunAsync(string assembly, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null, string? input = null, TimeSpan? timeout = null)
    {
        using var child = Start(assembly, arguments, environment, input);
        var code = await child.WaitAsync(timeout ?? Patience);
        return (code, child.Output);
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

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    /// <summary>The CLI beside the tests (they reference it); otherwise, and for the web app, the build of the same configuration in the repository.</summary>
    private static string Locate(string file, string project)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, file);
        if (project == "Spean.Cli" && File.Exists(beside)) return beside;
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
}
