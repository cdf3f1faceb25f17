using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Spean.Core.Taxonomies;

internal sealed class ConcessionConfiguration : IEntityTypeConfiguration<Concession>
{
    public void Configure(EntityTypeBuilder<Concession> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(20);
        builder.Property(c => c.Name).HasMaxLength(300);
        builder.Property(c => c.Company).HasMaxLength(300);
        builder.Property(c => c.InvestorCountry).HasMaxLength(100);
        builder.Property(c => c.Purpose).HasMaxLength(300);
        builder.Property(c => c.Provinces).HasMaxLength(200);
        builder.Property(c => c.District).HasMaxLength(300);
        builder.Property(c => c.Commune).HasMaxLength(500);
        builder.Property(c => c.Status).HasMaxLength(200);
        builder.Property(c => c.DataClass).HasMaxLength(60);
        builder.Property(c => c.Reference).HasMaxLength(1000);
        builder.HasIndex(c => c.Kind);
    }
}
