using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spean.Core.Taxonomies;

namespace Spean.Core.Recommendations;

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public const int SourceDocumentLength = 300;
    public const int ParagraphLength = 40;
    public const int IssueLength = 100;
    public const int StateNameLength = 200;
    public const int ThemeLength = 200;

    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.Property(r => r.ImportKey).HasMaxLength(64);
        builder.HasIndex(r => r.ImportKey).IsUnique();
        builder.Property(r => r.StateUnderReviewIso3).HasMaxLength(3);
        builder.Property(r => r.SourceDocument).HasMaxLength(SourceDocumentLength);
        builder.Property(r => r.Paragraph).HasMaxLength(ParagraphLength);
        builder.HasOne<Country>().WithMany().HasForeignKey(r => r.StateUnderReviewIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.StateUnderReviewIso3, r.Session });
        // The search index's freshness check reads the latest change: one entry, not a scan of every row (at a million).
        builder.HasIndex(r => r.UpdatedAt);
        builder.HasMany(r => r.RecommendingStates).WithOne().HasForeignKey(s => s.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Issues).WithOne().HasForeignKey(i => i.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.SdgTargets).WithOne().HasForeignKey(t => t.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.PositionSource).HasMaxLength(SourceDocumentLength);
        builder.HasMany(r => r.OhchrThemes).WithOne().HasForeignKey(t => t.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.AffectedPersons).WithOne().HasForeignKey(a => a.RecommendationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecommendingStateConfiguration : IEntityTypeConfiguration<RecommendingState>
{
    public void Configure(EntityTypeBuilder<RecommendingState> builder)
    {
        builder.HasKey(s => new { s.RecommendationId, s.Name });
        builder.Property(s => s.Name).HasMaxLength(RecommendationConfiguration.StateNameLength);
        builder.Property(s => s.CountryIso3).HasMaxLength(3);
        builder.HasOne<Country>().WithMany().HasForeignKey(s => s.CountryIso3).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.CountryIso3);
    }
}

internal sealed class RecommendationIssueConfiguration : IEntityTypeConfiguration<RecommendationIssue>
{
    public void Configure(EntityTypeBuilder<RecommendationIssue> builder)
    {
        builder.HasKey(i => new { i.RecommendationId, i.Issue });
        builder.Property(i => i.Issue).HasMaxLength(RecommendationConfiguration.IssueLength);
        builder.HasIndex(i => i.Issue);
    }
}

internal sealed class RecommendationSdgTargetConfiguration : IEntityTypeConfiguration<RecommendationSdgTarget>
{
    public void Configure(EntityTypeBuilder<RecommendationSdgTarget> builder)
    {
        builder.HasKey(t => new { t.RecommendationId, t.SdgCode });
        builder.Property(t => t.SdgCode).HasMaxLength(12);
        builder.HasOne<SdgItem>().WithMany().HasForeignKey(t => t.SdgCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RecommendationThemeConfiguration : IEntityTypeConfiguration<RecommendationTheme>
{
    public void Configure(EntityTypeBuilder<RecommendationTheme> builder)
    {
        builder.HasKey(t => new { t.RecommendationId, t.Theme });
        builder.Property(t => t.Theme).HasMaxLength(RecommendationConfiguration.ThemeLength);
    }
}

internal sealed class RecommendationAffectedPersonConfiguration : IEntityTypeConfiguration<RecommendationAffectedPerson>
{
    public void Configure(EntityTypeBuilder<RecommendationAffectedPerson> builder)
    {
        builder.HasKey(a => new { a.RecommendationId, a.Group });
        builder.Property(a => a.Group).HasMaxLength(RecommendationConfiguration.ThemeLength);
    }
}
