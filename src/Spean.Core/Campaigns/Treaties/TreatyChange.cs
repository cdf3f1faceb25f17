using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spean.Core.Taxonomies;

namespace Spean.Core.Campaigns.Treaties;

[LabelPrefix("TreatyChangeKind")]
public enum TreatyChangeKind
{
    BecameParty,
    BecameSignatory,
    Withdrew,
    DatesChanged,
}

/// <summary>One import of a treaty's membership list: who ran it, from which file, and what it changed.</summary>
public sealed class TreatyImport
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Treaty Treaty { get; init; }
    public const int FileNameLength = 300;

    public required string FileName { get; init; }
    public required DateTime At { get; init; }
    public Guid? ByUserId { get; init; }
    public int Rows { get; set; }
    public int Changes { get; set; }
    public int Refused { get; set; }
}

/// <summary>One change of one State's membership, as an import found it; never changed or deleted (the history).</summary>
public sealed class TreatyChange
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid ImportId { get; init; }
    public required Treaty Treaty { get; init; }
    public required string CountryIso3 { get; init; }
    public required TreatyChangeKind Kind { get; init; }

    /// <summary>Status and dates before and after, as "member 2008-12-03/2009-05-01/2010-08-01".</summary>
    public string? Before { get; init; }
    public required string After { get; init; }
    public required DateTime At { get; init; }
}

internal sealed class TreatyImportConfiguration : IEntityTypeConfiguration<TreatyImport>
{
    public void Configure(EntityTypeBuilder<TreatyImport> builder)
    {
        builder.Property(i => i.FileName).HasMaxLength(TreatyImport.FileNameLength);
        builder.HasIndex(i => i.At);
    }
}

internal sealed class TreatyChangeConfiguration : IEntityTypeConfiguration<TreatyChange>
{
    public void Configure(EntityTypeBuilder<TreatyChange> builder)
    {
        builder.Property(c => c.CountryIso3).HasMaxLength(3);
        builder.Property(c => c.Before).HasMaxLength(100);
        builder.Property(c => c.After).HasMaxLength(100);
        builder.HasOne<TreatyImport>().WithMany().HasForeignKey(c => c.ImportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Country>().WithMany().HasForeignKey(c => c.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.Treaty, c.At });
        builder.HasIndex(c => c.CountryIso3);
    }
}
