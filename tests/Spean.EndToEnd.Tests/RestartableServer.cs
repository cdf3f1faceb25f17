using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Testing;

namespace Spean.EndToEnd.Tests;

/// <summary>
/// The built web app (`Spean.Web.dll`) as a process of its own on a free port of 127.0.0.1, over a data folder of its
/// own (database, key ring, data-protection keys, evidence), in Production as an operator runs it. A test can kill it
/// (SIGKILL: no handler, no flush, as a power cut) and start it again on the same port over the same data, as the
/// service manager restarts it. Unlike <see cref="BrowserApp"/>, whose app the other browser tests share.
/// </summary>
internal sealed class RestartableServer : IAsyncDisposable
{
    private ChildProgram? app;
    private string earlierOutput = "";

    private RestartableServer()
    {
    }

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("spean-e2e-restart-").FullName;

    public int Port { get; } = ChildProgram.FreePort();

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public int Starts => StartTimes.Count;

    /// <summary>How long each start took until the app answered /health.</summary>
    public List<TimeSpan> StartTimes { get; } = [];

    public int Kills { get; private set; }

    public DateTime KilledAt { get; private set; }

    public bool IsRunning => app is { HasExited: false };

    /// <summary>The app's own output (warnings and errors) over every start, for a failure message.</summary>
    public string Output => earlierOutput + app?.Output;

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
        var clock = Stopwatch.StartNew();
        earlierOutput = Output;
        app?.Dispose();
        var web = ChildProgram.WebApp;
        app = ChildProgram.StartWebApp(web, new Uri(BaseUrl), new Dictionary<string, string?>
        {
            ["Logging__LogLevel__Default"] = "Warning",
            ["Spean__DataDirectory"] = DataDirectory,
            ["Spean__LoadRecommendationsOnStart"] = "false",
        }, "--webroot", ChildProgram.WebRoot(web));
        await app.AnswersAsync(new Uri(BaseUrl), "/health", TimeSpan.FromMinutes(3));
        StartTimes.Add(clock.Elapsed);
    }

    /// <summary>SIGKILL on Linux: the process ends where it is, open connections are reset, nothing is flushed.</summary>
    public void Kill()
    {
        if (!IsRunning) throw new InvalidOperationException("The app is not running.");
        app!.Kill();
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

    public ValueTask DisposeAsync()
    {
        app?.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        return ValueTask.CompletedTask;
    }
}
