using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spean.Core.Data;
using Spean.Core.Monitoring.People;
using Spean.Core.Monitoring.Evidence;

namespace Spean.Core.Monitoring;

internal sealed class ReportPersonConfiguration : IEntityTypeConfiguration<ReportPerson>
{
    public void Configure(EntityTypeBuilder<ReportPerson> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.EncryptedName).IsEncrypted();
        builder.Property(p => p.EncryptedContact).IsEncrypted();
        builder.Property(p => p.EncryptedNotes).IsEncrypted();
        builder.HasIndex(p => p.ReportId);
        builder.HasIndex(p => p.ClientId).IsUnique();
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.HasKey(f => f.Id);
        builder.HasIndex(f => f.ClientUploadId).IsUnique();
        builder.HasIndex(f => f.ReportId);
        builder.Property(f => f.EncryptedOriginalName).IsEncrypted();
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(f => f.StoredName).HasMaxLength(60);
        builder.Property(f => f.Latitude).IsSensitive();
        builder.Property(f => f.Longitude).IsSensitive();
        builder.Property(f => f.Device).HasMaxLength(200).IsSensitive();
        builder.Property(f => f.UploadedBy).HasMaxLength(256);
    }
}

internal sealed class CustodyEntryConfiguration : IEntityTypeConfiguration<CustodyEntry>
{
    public void Configure(EntityTypeBuilder<CustodyEntry> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.FileId, e.Sequence }).IsUnique();
        builder.HasOne<EvidenceFile>().WithMany().HasForeignKey(e => e.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Who).HasMaxLength(256);
        builder.Property(e => e.Detail).HasMaxLength(1000);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.EntryHash).HasMaxLength(64).IsFixedLength();
    }
}
