using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Taxonomies;

namespace Spean.Core.Stakeholders.Register;

internal sealed class StakeholderConfiguration : IEntityTypeConfiguration<Stakeholder>
{
    public void Configure(EntityTypeBuilder<Stakeholder> builder)
    {
        // A Restricted person's name must not reach the audit trail, which administrators of the owning organisation read.
        builder.Property(s => s.NameLatin).HasMaxLength(300).IsSensitive();
        builder.Property(s => s.NameKhmer).HasMaxLength(300).IsSensitive();
        builder.Property(s => s.Tags).IsSensitive();
        builder.Property(s => s.ReaderIds).IsSensitive();
        builder.Property(s => s.ExternalId).HasMaxLength(200).IsSensitive();
        builder.Property(s => s.EncryptedPhone).IsEncrypted();
        builder.Property(s => s.EncryptedEmail).IsEncrypted();
        builder.Property(s => s.EncryptedAddress).IsEncrypted();
        builder.Property(s => s.EncryptedMessaging).IsEncrypted();
        builder.Property(s => s.EncryptedNotes).IsEncrypted();
        builder.Property(s => s.AdminUnitCode).HasMaxLength(8);
        builder.Property(s => s.CountryIso3).HasMaxLength(3);
        builder.HasOne<AdminUnit>().WithMany().HasForeignKey(s => s.AdminUnitCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Country>().WithMany().HasForeignKey(s => s.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SpeanUser>().WithMany().HasForeignKey(s => s.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.NameKeys).WithOne().HasForeignKey(k => k.StakeholderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.OrganisationId, s.ExternalId }).IsUnique();
        builder.HasIndex(s => new { s.Confidentiality, s.Kind });
        builder.HasIndex(s => s.NameLatin);
    }
}

internal sealed class StakeholderNameKeyConfiguration : IEntityTypeConfiguration<StakeholderNameKey>
{
    public void Configure(EntityTypeBuilder<StakeholderNameKey> builder)
    {
        builder.Property(k => k.Key).HasMaxLength(300).IsSensitive();
        builder.HasIndex(k => new { k.Key, k.StakeholderId });
    }
}

internal sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> builder)
    {
        builder.Property(p => p.TitleEn).HasMaxLength(300);
        builder.Property(p => p.TitleKm).HasMaxLength(300);
        builder.HasOne<Stakeholder>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Stakeholder>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.PersonId);
        builder.HasIndex(p => p.OrganisationId);
    }
}
