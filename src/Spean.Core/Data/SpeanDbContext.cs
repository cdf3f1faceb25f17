using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Spean.Core.Accounts;
using Spean.Core.Auditing;
using Spean.Core.Implementation;
using Spean.Core.Monitoring.Reports;
using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Saved;
using Spean.Core.Recommendations.Pledges;
using Spean.Core.Taxonomies;
using Spean.Core.Monitoring.People;
using Spean.Core.Monitoring.Evidence;

namespace Spean.Core.Data;

public sealed class SpeanDbContext(DbContextOptions<SpeanDbContext> options)
    : IdentityUserContext<SpeanUser, Guid>(options)
{
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<IntergovernmentalOrganisation> IntergovernmentalOrganisations => Set<IntergovernmentalOrganisation>();
    public DbSet<OrganisationMembership> OrganisationMemberships => Set<OrganisationMembership>();
    public DbSet<TreatyMembership> TreatyMemberships => Set<TreatyMembership>();
    public DbSet<AdminUnit> AdminUnits => Set<AdminUnit>();
    public DbSet<SdgItem> SdgItems => Set<SdgItem>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<NetworkSettings> NetworkSettings => Set<NetworkSettings>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<SavedSearch> SavedSearches => Set<SavedSearch>();
    public DbSet<Concession> Concessions => Set<Concession>();
    public DbSet<ReportPerson> ReportPeople => Set<ReportPerson>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<CustodyEntry> CustodyEntries => Set<CustodyEntry>();
    public DbSet<VoluntaryPledge> VoluntaryPledges => Set<VoluntaryPledge>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<AssessmentEvidence> AssessmentEvidence => Set<AssessmentEvidence>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SpeanDbContext).Assembly);
        ReportConfiguration.ComputeProvince(builder.Entity<Report>(), Database.IsSqlite());
        AccountsConfiguration.ConfigureIdentity(builder);
    }

    /// <summary>SQLite hands back DateTime without a kind; PostgreSQL's timestamptz insists on UTC.</summary>
    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
