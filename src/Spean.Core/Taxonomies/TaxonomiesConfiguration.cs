using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Spean.Core.Taxonomies;

internal sealed class CountryConfiguration : IEntityTypeConfiguration<Country>
{
    public void Configure(EntityTypeBuilder<Country> builder)
    {
        builder.HasKey(c => c.Iso3);
        builder.Property(c => c.Iso3).HasMaxLength(3);
        builder.Property(c => c.Iso2).HasMaxLength(2);
        builder.Property(c => c.M49).HasMaxLength(3);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.NameKm).HasMaxLength(200);
        builder.Property(c => c.OfficialName).HasMaxLength(300);
        builder.HasIndex(c => c.Iso2).IsUnique();
        builder.HasMany(c => c.Memberships).WithOne().HasForeignKey(m => m.CountryIso3);
    }
}

internal sealed class IntergovernmentalOrganisationConfiguration : IEntityTypeConfiguration<IntergovernmentalOrganisation>
{
    public void Configure(EntityTypeBuilder<IntergovernmentalOrganisation> builder)
    {
        builder.HasKey(o => o.Code);
        builder.Property(o => o.Code).HasMaxLength(20);
        builder.Property(o => o.NameEn).HasMaxLength(200);
        builder.Property(o => o.NameKm).HasMaxLength(200);
    }
}

internal sealed class OrganisationMembershipConfiguration : IEntityTypeConfiguration<OrganisationMembership>
{
    public void Configure(EntityTypeBuilder<OrganisationMembership> builder)
    {
        builder.HasKey(m => new { m.CountryIso3, m.OrganisationCode });
        builder.HasOne<IntergovernmentalOrganisation>().WithMany().HasForeignKey(m => m.OrganisationCode);
    }
}

internal sealed class TreatyMembershipConfiguration : IEntityTypeConfiguration<TreatyMembership>
{
    public void Configure(EntityTypeBuilder<TreatyMembership> builder)
    {
        builder.HasKey(m => new { m.Treaty, m.CountryIso3 });
        builder.Property(m => m.Status).HasMaxLength(40);
        builder.Property(m => m.Left).HasMaxLength(20);
        builder.HasOne<Country>().WithMany().HasForeignKey(m => m.CountryIso3);
    }
}

internal sealed class AdminUnitConfiguration : IEntityTypeConfiguration<AdminUnit>
{
    public void Configure(EntityTypeBuilder<AdminUnit> builder)
    {
        builder.HasKey(u => u.Code);
        builder.Property(u => u.Code).HasMaxLength(8);
        builder.Property(u => u.ParentCode).HasMaxLength(8);
        builder.Property(u => u.ProvinceCode).HasMaxLength(2);
        builder.Property(u => u.NameKm).HasMaxLength(200);
        builder.Property(u => u.NameLatin).HasMaxLength(200);
        builder.Property(u => u.TypeKm).HasMaxLength(40);
        builder.Property(u => u.TypeEn).HasMaxLength(60);
        builder.HasIndex(u => u.ParentCode);
        builder.HasIndex(u => u.NameLatin);
    }
}

internal sealed class SdgItemConfiguration : IEntityTypeConfiguration<SdgItem>
{
    public void Configure(EntityTypeBuilder<SdgItem> builder)
    {
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasMaxLength(12);
        builder.Property(s => s.ParentCode).HasMaxLength(12);
        builder.Property(s => s.ShortEn).HasMaxLength(200);
        builder.Property(s => s.ShortKm).HasMaxLength(400);
        builder.HasIndex(s => new { s.Level, s.SortOrder });
    }
}
