using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spean.Core.Taxonomies;

namespace Spean.Core.Recommendations.Pledges;

/// <summary>A commitment a State under Review made of its own accord at its review, as UPR Info records it.</summary>
public sealed class VoluntaryPledge
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>A hash of the State, session and text, so importing the file again finds the same row.</summary>
    public required string ImportKey { get; init; }

    public required string StateIso3 { get; init; }
    public required int Session { get; set; }
    public required int Cycle { get; set; }
    public required string Text { get; set; }

    /// <summary>UPR Info's action category (1 to 5) for the pledge.</summary>
    public int? ActionCategory { get; set; }

    public List<string> Issues { get; set; } = [];
    public DateTime CreatedAt { get; init; }
}

internal sealed class VoluntaryPledgeConfiguration : IEntityTypeConfiguration<VoluntaryPledge>
{
    public void Configure(EntityTypeBuilder<VoluntaryPledge> builder)
    {
        builder.Property(p => p.ImportKey).HasMaxLength(64);
        builder.HasIndex(p => p.ImportKey).IsUnique();
        builder.Property(p => p.StateIso3).HasMaxLength(3);
        builder.HasOne<Country>().WithMany().HasForeignKey(p => p.StateIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.StateIso3, p.Session });
    }
}
