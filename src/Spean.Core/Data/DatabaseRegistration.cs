using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Spean.Core.Auditing;

namespace Spean.Core.Data;

public static class DatabaseRegistration
{
    public const string SqliteMigrations = "Spean.Migrations.Sqlite";
    public const string PostgreSqlMigrations = "Spean.Migrations.PostgreSql";

    /// <summary>The database only: its options, the one DbContext with the audit interceptor, and the migrator. Each module registers its own services.</summary>
    public static IServiceCollection AddSpeanDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = SpeanOptions.From(configuration);
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<DatabaseMigrator>();
        var configure = Configuring(options);
        services.AddDbContext<SpeanDbContext>((provider, db) =>
        {
            configure(db);
            // Modules' interceptors fill derived columns first, so the audit entry sees the row as it is saved.
            db.AddInterceptors([.. provider.GetServices<IInterceptor>(), new AuditInterceptor(
                provider.GetRequiredService<AuditActor>(), provider.GetRequiredService<TimeProvider>())]);
        });
        return services;
    }

    public static void Configure(DbContextOptionsBuilder db, SpeanOptions options) => Configuring(options)(db);

    /// <summary>
    /// The provider's setup, with the connection string worked out and the data folder made once, at the first DbContext,
    /// not for every one (every request); not at registration, so that a command that never opens the database needs none.
    /// </summary>
    private static Action<DbContextOptionsBuilder> Configuring(SpeanOptions options)
    {
        switch (options.DatabaseProvider)
        {
            case DatabaseProvider.PostgreSql:
                var postgres = new Lazy<string>(() => WithoutJit(options.ConnectionString ?? throw new InvalidOperationException(
                    "Spean:DatabaseProvider is PostgreSql but no connection string is set (ConnectionStrings:Spean).")));
                return db => db.UseNpgsql(postgres.Value, npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrations));
            default:
                var file = new Lazy<string>(() =>
                {
                    OwnerOnly.CreateDirectory(options.DataDirectory);
                    return options.SqliteConnectionString;
                });
                return db => db.UseSqlite(file.Value, sqlite => sqlite.MigrationsAssembly(SqliteMigrations));
        }
    }

    /// <summary>
    /// PostgreSQL compiles a query to machine code when it estimates the query dear, and it estimates the report counts
    /// dear: 24 ms of compiling for a query that runs in 30, again at every run. Spean's queries are all short. A
    /// connection string that sets <c>jit</c> itself in its Options keeps its own choice.
    /// </summary>
    private static string WithoutJit(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
            builder.Options = $"{builder.Options} -c jit=off".Trim();
        return builder.ConnectionString;
    }
}
