using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Spean.Core.Submissions.Drafting;

public enum ParagraphKind
{
    /// <summary>What was done since the last review, with the recommendations it follows up and the evidence it rests on.</summary>
    Assessment,

    /// <summary>One of the cluster's draft recommendations.</summary>
    Recommendation,
}

/// <summary>
/// A paragraph of a section as it stands now, in Khmer and English. Every save writes a <see cref="ParagraphVersion"/>
/// and moves <see cref="Version"/> on; a save based on an older version is refused, so no one overwrites another silently.
/// </summary>
public sealed class Paragraph
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ClusterId { get; init; }
    public required ParagraphKind Kind { get; init; }
    public required int Position { get; set; }
    public int Version { get; set; } = 1;
    public string TextEn { get; set; } = "";
    public string TextKm { get; set; } = "";
    public List<Guid> RecommendationIds { get; set; } = [];

    /// <summary>Field reports by id only: who may read one is the report's own rule; the export writes a neutral footnote.</summary>
    public List<Guid> ReportIds { get; set; } = [];
    public List<ParagraphSource> Sources { get; init; } = [];
    public required DateTime UpdatedAt { get; set; }
    public required Guid UpdatedById { get; set; }
    public required string UpdatedBy { get; set; }
}

/// <summary>A source the paragraph cites, written as a footnote.</summary>
public sealed class ParagraphSource
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ParagraphId { get; init; }
    public required int Order { get; init; }
    public required string Text { get; init; }
    public string? Url { get; init; }
}

/// <summary>A paragraph as one person saved it; never changed, so the history stays whole.</summary>
public sealed class ParagraphVersion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid ParagraphId { get; init; }
    public required int Version { get; init; }
    public required string TextEn { get; init; }
    public required string TextKm { get; init; }

    /// <summary>The footnotes as they were, one per line.</summary>
    public required string Sources { get; init; }
    public required Guid AuthorId { get; init; }
    public required string Author { get; init; }
    public required DateTime SavedAt { get; init; }
}

/// <summary>A comment on a paragraph, or an answer to one (<see cref="ParentId"/>).</summary>
public sealed class ParagraphComment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid ParagraphId { get; init; }
    public Guid? ParentId { get; init; }
    public required Guid AuthorId { get; init; }
    public required string Author { get; init; }
    public required string Text { get; init; }
    public required DateTime CreatedAt { get; init; }
}

internal sealed class ParagraphConfiguration : IEntityTypeConfiguration<Paragraph>
{
    public void Configure(EntityTypeBuilder<Paragraph> builder)
    {
        builder.ToTable("SubmissionParagraphs");
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.TextEn).HasMaxLength(20_000);
        builder.Property(p => p.TextKm).HasMaxLength(20_000);
        builder.Property(p => p.UpdatedBy).HasMaxLength(200);
        builder.HasMany(p => p.Sources).WithOne().HasForeignKey(s => s.ParagraphId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.ClusterId, p.Kind, p.Position });
    }
}

internal sealed class ParagraphSourceConfiguration : IEntityTypeConfiguration<ParagraphSource>
{
    public void Configure(EntityTypeBuilder<ParagraphSource> builder)
    {
        builder.ToTable("SubmissionParagraphSources");
        builder.Property(s => s.Text).HasMaxLength(1_000);
        builder.Property(s => s.Url).HasMaxLength(2_000);
    }
}

internal sealed class ParagraphVersionConfiguration : IEntityTypeConfiguration<ParagraphVersion>
{
    public void Configure(EntityTypeBuilder<ParagraphVersion> builder)
    {
        builder.ToTable("SubmissionParagraphVersions");
        builder.HasOne<Paragraph>().WithMany().HasForeignKey(v => v.ParagraphId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(v => v.TextEn).HasMaxLength(20_000);
        builder.Property(v => v.TextKm).HasMaxLength(20_000);
        builder.Property(v => v.Sources).HasMaxLength(40_000);
        builder.Property(v => v.Author).HasMaxLength(200);
        builder.HasIndex(v => new { v.ParagraphId, v.Version }).IsUnique();
    }
}

internal sealed class ParagraphCommentConfiguration : IEntityTypeConfiguration<ParagraphComment>
{
    public void Configure(EntityTypeBuilder<ParagraphComment> builder)
    {
        builder.ToTable("SubmissionParagraphComments");
        builder.HasOne<Paragraph>().WithMany().HasForeignKey(c => c.ParagraphId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Author).HasMaxLength(200);
        builder.Property(c => c.Text).HasMaxLength(4_000);
        builder.HasIndex(c => c.ParagraphId);
    }
}
