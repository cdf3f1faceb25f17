using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Spean.Core.Data;

namespace Spean.Web.Tests.Infrastructure;

/// <summary>
/// The throwaway PostgreSQL server that test.sh starts (its address comes in SPEAN_TEST_POSTGRES), and the database every
/// test app starts from: the schema and the shipped reference data (places, countries, treaties, the UPR calendar) made
/// once a run and copied for each app. Loading them took seconds of CPU for each of the hundred-odd apps of a run; an
/// app finds them loaded and loads nothing, as a restarted installation does.
/// </summary>
public static class TestDatabases
{
    private static readonly Lazy<string> SqliteTemplate = new(() => CreateTemplate(DatabaseProvider.Sqlite), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> PostgresTemplate = new(() => CreateTemplate(DatabaseProvider.PostgreSql), LazyThreadSafetyMode.ExecutionAndPublication);

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("SPEAN_TEST_POSTGRES")
        ?? throw new InvalidOperationException(
            "SPEAN_TEST_POSTGRES is not set. Run the tests with ./test.sh, which starts a PostgreSQL server for them.");

    /// <summary>A connection string to a database name no other test uses; EF creates it when migrating.</summary>
    public static string NewPostgresDatabase() =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = $"spean_test_{Guid.NewGuid():N}" }.ConnectionString;

    /// <summary>A new database on the test server, copied from the one with the reference data.</summary>
    public static string NewPostgresDatabaseWithReferenceData()
    {
        var connectionString = NewPostgresDatabase();
        using var server = new NpgsqlConnection(ServerConnectionString);
        server.Open();
        using var create = server.CreateCommand();
        create.CommandText = $"""CREATE DATABASE "{new NpgsqlConnectionStringBuilder(connectionString).Database}" TEMPLATE "{PostgresTemplate.Value}" """;
        create.ExecuteNonQuery();
        return connectionString;
    }

    /// <summary>Copies the SQLite database with the reference data to <paramref name="file"/>.</summary>
    public static void CopySqliteWithReferenceData(string file) => File.Copy(SqliteTemplate.Value, file);

    /// <returns>The SQLite file, or the PostgreSQL database's name.</returns>
    private static string CreateTemplate(DatabaseProvider provider)
    {
        var folder = Directory.CreateTempSubdirectory("spean-test-template-").FullName;
        var connectionString = provider == DatabaseProvider.PostgreSql ? NewPostgresDatabase() : $"Data Source={Path.Combine(folder, "spean.db")}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Spean:DatabaseProvider"] = provider.ToString(),
            ["Spean:DataDirectory"] = folder,
            ["ConnectionStrings:Spean"] = connectionString,
        }).Build();
        // Off the test's synchronisation context: the apps' factories ask for it from synchronous code.
        Task.Run(async () =>
        {
            await using var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
                .AddSpeanCore(configuration).BuildServiceProvider();
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(loadReferenceData: true);
        }).GetAwaiter().GetResult();
        // A template must have no open connection; SQLite folds its write-ahead log into the file when the last one closes.
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        return provider == DatabaseProvider.PostgreSql
            ? new NpgsqlConnectionStringBuilder(connectionString).Database!
            : Path.Combine(folder, "spean.db");
    }
}
