using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Auditing;
using Spean.Core.Taxonomies;

namespace Spean.Core.Data;

public static class DatabaseRegistration
{
    public const string SqliteMigrations = "Spean.Migrations.Sqlite";
    public const string PostgreSqlMigrations = "Spean.Migrations.PostgreSql";

    /// <summary>Registers the database, the audit trail and the reference-data loader for the web app and the CLI alike.</summary>
    public static IServiceCollection AddSpeanCore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Spean").Get<SpeanOptions>() ?? new SpeanOptions();
        options.ConnectionString ??= configuration.GetConnectionString("Spean");
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AuditActor>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<ReferenceDataImporter>();
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<Gazetteer>();
        services.AddScoped<CountryDirectory>();
        services.AddScoped<AuditQuery>();
        services.AddScoped<Recommendations.RecommendationImporter>();
        services.AddSingleton<Recommendations.RecommendationStatistics>();
        services.AddSingleton<Recommendations.RecommendationSearch>();
        services.AddScoped<Recommendations.RecommendationExport>();
        services.AddScoped<Recommendations.Saved.SavedSearches>();
        services.AddScoped<Recommendations.RecommendationEditor>();
        services.AddScoped<Recommendations.Pledges.VoluntaryPledgeImporter>();
        services.AddScoped<Recommendations.Pledges.PledgeQuery>();
        services.AddSingleton<Recommendations.Recurrence.RecurrenceCache>();
        services.AddScoped<Recommendations.Recurrence.RecommendationRecurrence>();
        services.AddScoped<Recommendations.Detail.RecommendationDetails>();
        services.AddScoped<Implementation.Scorecards.ScorecardQuery>();
        services.AddScoped<Implementation.Midterm.MidtermReports>();
        services.AddSingleton<Recommendations.Classification.RecommendationClassifier>();
        services.AddScoped<Backup.BackupArchive>();
        services.AddSingleton(provider => new Monitoring.KeyRing(options.KeyDirectoryPath, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Monitoring.FieldCipher>();
        services.AddScoped<Monitoring.ReportPeople>();
        services.AddScoped<Monitoring.CustodyLog>();
        services.AddScoped<Monitoring.EvidenceStore>();
        services.AddSingleton<Monitoring.PublicCopyCache>();
        services.AddScoped<Monitoring.EvidenceVerification>();
        services.AddScoped<Monitoring.KeyRotation>();
        services.AddSingleton(_ => Monitoring.Map.CambodiaBoundaries.Load(Monitoring.Map.CambodiaBoundaries.ShippedDirectory));
        services.AddSingleton(provider => new Monitoring.Map.ProvinceMap(provider.GetRequiredService<Monitoring.Map.CambodiaBoundaries>()));
        services.AddSingleton(provider => new Monitoring.Map.CambodiaOutline(provider.GetRequiredService<Monitoring.Map.CambodiaBoundaries>()));
        services.AddSingleton<Monitoring.Map.MapConcessions>();
        services.AddScoped<Monitoring.Map.ReportCountsByProvince>();
        services.AddScoped<Monitoring.Reports.ReportEditor>();
        services.AddScoped<Monitoring.Reports.ReportWorkflow>();
        services.AddScoped<Monitoring.Reports.ReportSearch>();
        services.AddScoped<Monitoring.Reports.ReportTimeline>();
        services.AddScoped<Monitoring.Reports.ReportExport>();
        services.AddSpeanIdentityCore();
        services.AddDbContext<SpeanDbContext>((provider, db) =>
        {
            Configure(db, options);
            db.AddInterceptors(new AuditInterceptor(
                provider.GetRequiredService<AuditActor>(), provider.GetRequiredService<TimeProvider>()));
        });
        return services;
    }

    public static void Configure(DbContextOptionsBuilder db, SpeanOptions options)
    {
        switch (options.DatabaseProvider)
        {
            case DatabaseProvider.PostgreSql:
                db.UseNpgsql(
                    options.ConnectionString ?? throw new InvalidOperationException(
                        "Spean:DatabaseProvider is PostgreSql but no connection string is set (ConnectionStrings:Spean)."),
                    npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrations));
                break;
            default:
                OwnerOnly.CreateDirectory(options.DataDirectory);
                db.UseSqlite(options.SqliteConnectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrations));
                break;
        }
    }
}
