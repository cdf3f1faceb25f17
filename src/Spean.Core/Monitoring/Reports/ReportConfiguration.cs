using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Taxonomies;
using Spean.Core.Monitoring.People;
using Spean.Core.Monitoring.Evidence;

namespace Spean.Core.Monitoring.Reports;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    /// <summary>
    /// <c>CountryIso3 ?? AdminUnitCode[..2]</c>, the same SQL in both databases. SQLite can add a computed column to a
    /// table that holds reports only as a virtual one (a stored one would mean rebuilding the table, and its rows with
    /// it); PostgreSQL before version 18 has stored ones only. An index holds the values either way.
    /// </summary>
    public static void ComputeProvince(EntityTypeBuilder<Report> builder, bool sqlite) =>
        builder.Property(r => r.Province).HasMaxLength(3)
            .HasComputedColumnSql("""COALESCE("CountryIso3", substr("AdminUnitCode", 1, 2))""", stored: !sqlite);

    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.ClientId).IsUnique();
        // Restricted reports must not reach the audit trail, which administrators of every organisation read.
        builder.Property(r => r.Title).HasMaxLength(300).IsSensitive();
        builder.Property(r => r.Narrative).IsSensitive();
        builder.Property(r => r.Latitude).IsSensitive();
        builder.Property(r => r.Longitude).IsSensitive();
        builder.Property(r => r.ReaderIds).IsSensitive();
        builder.Property(r => r.SearchText).IsSensitive();
        builder.Property(r => r.Category).HasMaxLength(40);
        builder.Property(r => r.AdminUnitCode).HasMaxLength(8);
        builder.Property(r => r.CountryIso3).HasMaxLength(3);
        builder.HasOne<AdminUnit>().WithMany().HasForeignKey(r => r.AdminUnitCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Country>().WithMany().HasForeignKey(r => r.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SpeanUser>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.History).WithOne().HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<ReportPerson>().WithOne().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<EvidenceFile>().WithOne().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.Status, r.Confidentiality });
        builder.HasIndex(r => r.AdminUnitCode);
        // The list's order: a page of reports is read from here and the scan stops, instead of sorting every report.
        builder.HasIndex(r => new { r.OccurredFrom, r.Id });
        // Holds every column the list's and the map's counts read but the readers of Restricted reports, so counting
        // thousands of reports reads this index and not their narratives. The four values the list groups by come first,
        // in its order, so SQLite groups while reading instead of sorting every visible report.
        builder.HasIndex(r => new { r.Category, r.Status, r.Confidentiality, r.Province, r.OrganisationId, r.AuthorId, r.CountryIso3, r.AdminUnitCode, r.Id })
            .HasDatabaseName("IX_Reports_Counts");
    }
}

internal sealed class StatusChangeConfiguration : IEntityTypeConfiguration<StatusChange>
{
    public void Configure(EntityTypeBuilder<StatusChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.By).HasMaxLength(256);
        builder.Property(c => c.Reason).HasMaxLength(2000);
        builder.HasIndex(c => c.ReportId);
    }
}
