using Npgsql;

namespace Spean.Web.Tests.Infrastructure;

/// <summary>The throwaway PostgreSQL server that test.sh starts; its address comes in SPEAN_TEST_POSTGRES.</summary>
public static class TestDatabases
{
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("SPEAN_TEST_POSTGRES")
        ?? throw new InvalidOperationException(
            "SPEAN_TEST_POSTGRES is not set. Run the tests with ./test.sh, which starts a PostgreSQL server for them.");

    /// <summary>A connection string to a database name no other test uses; EF creates it when migrating.</summary>
    public static string NewPostgresDatabase() =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = $"spean_test_{Guid.NewGuid():N}" }.ConnectionString;
}
