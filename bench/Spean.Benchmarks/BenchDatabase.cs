using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Spean.Core.Data;

namespace Spean.Search.Bench;

/// <summary>A fresh, migrated Spean database with the reference data loaded: a SQLite file in a temporary folder, or a new PostgreSQL database that is dropped afterwards.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spean-bench-").FullName;
    private readonly string? postgresServer;

    private BenchDatabase(DatabaseProvider provider, string? postgresServer, Spean.Core.Recommendations.Classification.RecommendationClassifier? classifier)
    {
        Provider = provider;
        this.postgresServer = postgresServer;
        ConnectionString = provider == DatabaseProvider.PostgreSql
            ? new NpgsqlConnectionStringBuilder(postgresServer) { Database = $"spean_bench_{Guid.NewGuid():N}" }.ConnectionString
            : $"Data Source={Path.Combine(folder, "spean.db")}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Spean:DatabaseProvider"] = provider.ToString(),
            ["Spean:DataDirectory"] = folder,
            ["ConnectionStrings:Spean"] = ConnectionString,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSpeanCore(configuration);
        // A trained classifier is shared between databases: training takes half a minute.
        if (classifier is not null) services.AddSingleton(classifier);
        Services = services.BuildServiceProvider();
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public ServiceProvider Services { get; }

    public static async Task<BenchDatabase> CreateAsync(DatabaseProvider provider, string? postgresServer = null,
        Spean.Core.Recommendations.Classification.RecommendationClassifier? classifier = null)
    {
        var database = new BenchDatabase(provider, postgresServer, classifier);
        await using var scope = database.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(loadReferenceData: true);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (Provider == DatabaseProvider.PostgreSql)
        {
            await using var server = new NpgsqlConnection(postgresServer);
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(ConnectionString).Database}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
        }
        Directory.Delete(folder, recursive: true);
    }
}
