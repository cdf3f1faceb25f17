using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spean.Core.Accounts;
using Spean.Core.Data;

namespace Spean.EndToEnd.Tests;

/// <summary>
/// The built web app (`Spean.Web.dll`) as a process of its own on a free port of 127.0.0.1, over a data folder of its
/// own (database, key ring, data-protection keys, evidence), in Production as an operator runs it. A test can kill it
/// (SIGKILL: no handler, no flush, as a power cut) and start it again on the same port over the same data, as the
/// service manager restarts it. Unlike <see cref="BrowserApp"/>, whose app the other browser tests share.
/// </summary>
internal sealed class RestartableServer : IAsyncDisposable
{
    private readonly StringBuilder output = new();
    private Process? process;

    private RestartableServer()
    {
    }

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("spean-e2e-restart-").FullName;

    public int Port { get; } = FreePort();

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public int Starts => StartTimes.Count;

    /// <summary>How long each start took until the app answered /health.</summary>
    public List<TimeSpan> StartTimes { get; } = [];

    public int Kills { get; private set; }

    public DateTime KilledAt { get; private set; }

    public bool IsRunning => process is { HasExited: false };

    /// <summary>The app's own output (warnings and errors), for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    /// <summary>
    /// Creates the database with the shipped places (not the UPR recommendations) in this process, as `spean migrate`
    /// would, where the code is already warm from the shared app's start; then starts the app over it.
    /// </summary>
    public static async Task<RestartableServer> StartAsync()
    {
        var server = new RestartableServer();
        await server.WithServicesAsync(services => services.GetRequiredService<DatabaseMigrator>().MigrateAsync(loadReferenceData: true));
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the app (again) on the same port over the same data; returns once it answers /health.</summary>
    public async Task StartAgainAsync()
    {
        if (IsRunning) throw new InvalidOperationException("The app is already running.");
        var giveUp = Stopwatch.StartNew();
        process?.Dispose();
        var (web, wwwroot) = Built();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(web)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { web, "--urls", BaseUrl, "--webroot", wwwroot }) info.ArgumentList.Add(argument);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Spean__DataDirectory"] = DataDirectory;
        info.Environment["Spean__LoadRecommendationsOnStart"] = "false";
        info.Environment["Spean__Classifier__TrainOnStart"] = "false";
        info.Environment["Spean__Notifications__ReminderTimer"] = "false";
        process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
        while (giveUp.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited) throw new InvalidOperationException($"The web app stopped at start (exit {process.ExitCode}): {Last(Output)}");
            try
            {
                using var health = await client.GetAsync("/health");
                if (health.IsSuccessStatusCode)
                {
                    StartTimes.Add(giveUp.Elapsed);
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The web app did not answer /health within three minutes: {Last(Output)}");
    }

    /// <summary>SIGKILL on Linux: the process ends where it is, open connections are reset, nothing is flushed.</summary>
    public void Kill()
    {
        if (!IsRunning) throw new InvalidOperationException("The app is not running.");
        process!.Kill(entireProcessTree: true);
        process.WaitForExit();
        KilledAt = DateTime.UtcNow;
        Kills++;
    }

    /// <summary>A member of a new organisation, made through the same Core services the CLI uses, over the app's data.</summary>
    public async Task<(string Email, string Password)> CreateMemberAsync()
    {
        var email = $"monitor-{Guid.NewGuid():N}@example.org";
        const string password = "a long enough password";
        await WithServicesAsync(async services =>
        {
            var accounts = services.GetRequiredService<UserAccounts>();
            var organisation = await accounts.FindOrCreateOrganisationAsync("Monitors");
            var created = await accounts.CreateUserAsync(new NewUser(email, "Field Monitor", Role.Member, organisation.Id, password));
            Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        });
        return (email, password);
    }

    /// <summary>Core services in this process over the app's data folder, for setting up and for reading back what arrived.</summary>
    public async Task WithServicesAsync(Func<IServiceProvider, Task> action)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Spean:DataDirectory"] = DataDirectory }).Build();
        await using (var provider = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSpeanCore(configuration).BuildServiceProvider())
        await using (var scope = provider.CreateAsyncScope())
            await action(scope.ServiceProvider);
        SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        if (IsRunning)
        {
            process!.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process?.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static string Last(string text, int lines = 20) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(lines));

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    /// <summary>The web app of the same build configuration in this repository, and its static files (a build keeps them in the source tree).</summary>
    private static (string Web, string WebRoot) Built()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tests.Parent?.Name ?? "Release";
        for (var folder = tests; folder is not null; folder = folder.Parent)
        {
            if (!File.Exists(Path.Combine(folder.FullName, "Spean.slnx"))) continue;
            var project = Path.Combine(folder.FullName, "src", "Spean.Web");
            var web = Path.Combine(project, "bin", configuration, tests.Name, "Spean.Web.dll");
            return File.Exists(web) ? (web, Path.Combine(project, "wwwroot")) : throw new FileNotFoundException($"Build the solution first ({configuration}): {web} is missing.");
        }
        throw new FileNotFoundException($"No Spean.slnx above {AppContext.BaseDirectory}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
