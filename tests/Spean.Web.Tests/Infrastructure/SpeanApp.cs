using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Web.Accounts;

namespace Spean.Web.Tests.Infrastructure;

/// <summary>The real app over a fresh database of one provider: a SQLite file, or a new database on the test PostgreSQL server.</summary>
public abstract class SpeanApp : WebApplicationFactory<Program>
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("spean-test-").FullName;

    public abstract DatabaseProvider Provider { get; }

    public CapturedLogs Logs { get; } = new();

    public virtual int SignInAttemptsPerMinute => 1000;

    // The API fuzzer sends hundreds of requests a minute from one address; the limit itself is tested by ProxiedApp.
    public virtual int PublicApiRequestsPerMinute => 1_000_000;

    public virtual bool LoadRecommendations => false;

    /// <summary>Training the prediction models costs seconds of CPU per app, so only apps that test prediction do it.</summary>
    public virtual bool TrainClassifier => false;

    private string? connectionString;

    public string ConnectionString => connectionString ??= NewDatabase();

    private string NewDatabase()
    {
        if (Provider == DatabaseProvider.PostgreSql) return TestDatabases.NewPostgresDatabaseWithReferenceData();
        var file = Path.Combine(dataDirectory, "spean.db");
        TestDatabases.CopySqliteWithReferenceData(file);
        return $"Data Source={file}";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        builder.UseSetting("Spean:DatabaseProvider", Provider.ToString());
        builder.UseSetting("Spean:DataDirectory", dataDirectory);
        builder.UseSetting("ConnectionStrings:Spean", ConnectionString);
        builder.UseSetting("Spean:LoadRecommendationsOnStart", LoadRecommendations ? "true" : "false");
        builder.UseSetting("Spean:Search:FreshnessSeconds", "1");
        builder.UseSetting("Spean:Classifier:TrainOnStart", TrainClassifier ? "true" : "false");
        // Tests run reminders and notification e-mail themselves (ReminderRun, NotificationMail), never on a timer.
        builder.UseSetting("Spean:Notifications:ReminderTimer", "false");
        // Nor do they poll media feeds on a timer: a poll writes in the middle of other tests' requests (MediaApp polls by hand).
        builder.UseSetting("Spean:Campaigns:Media:PollMinutes", "0");
        builder.UseSetting("Spean:SignInAttemptsPerMinute", SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Spean:PublicApiRequestsPerMinute", PublicApiRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task WithScopeAsync(Func<IServiceProvider, Task> action) =>
        WithScopeAsync(async services => { await action(services); return 0; });

    /// <summary>Creates a user with a password, as an administrator would, and returns it.</summary>
    public Task<SpeanUser> CreateUserAsync(Role role, string? password = "a long enough password", Guid? organisationId = null) =>
        WithScopeAsync(async services =>
        {
            var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
            var result = await services.GetRequiredService<UserAccounts>()
                .CreateUserAsync(new NewUser(email, $"Test {role}", role, organisationId, password));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            return result.User!;
        });

    /// <summary>An HTTP client that acts as a new user of the role, through a personal access token.</summary>
    public async Task<HttpClient> ClientForAsync(Role role)
    {
        var user = await CreateUserAsync(role);
        return await ClientForAsync(user);
    }

    public async Task<HttpClient> ClientForAsync(SpeanUser user)
    {
        var token = await WithScopeAsync(services => services.GetRequiredService<PersonalAccessTokens>().CreateAsync(user.Id, "tests", 1));
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }

    public HttpClient AnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }
}

public sealed class SqliteApp : SpeanApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresApp : SpeanApp
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>SQLite with the shipped UPR recommendations loaded at start, as a new installation has them.</summary>
public sealed class RecommendationsApp : SpeanApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override bool LoadRecommendations => true;
}

/// <summary>SQLite with the shipped recommendations and the prediction models trained in the background at start, as in production.</summary>
public sealed class PredictionApp : SpeanApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override bool LoadRecommendations => true;

    public override bool TrainClassifier => true;
}

[CollectionDefinition(nameof(RecommendationsApp))]
public sealed class RecommendationsAppCollection : ICollectionFixture<RecommendationsApp>;

[CollectionDefinition(nameof(SqliteApp))]
public sealed class SqliteAppCollection : ICollectionFixture<SqliteApp>;

[CollectionDefinition(nameof(PostgresApp))]
public sealed class PostgresAppCollection : ICollectionFixture<PostgresApp>;
