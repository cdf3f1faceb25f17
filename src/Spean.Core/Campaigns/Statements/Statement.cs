using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Spean.Core.Campaigns.Statements;

[LabelPrefix("StatementStatus")]
public enum StatementStatus
{
    Draft,
    Approved,
    Published,
}

/// <summary>
/// A campaign's public statement in Khmer and English: drafted by its members, approved by a coordinator of the owning
/// organisation, then published at /statements/{slug} for anyone. Until published it is as confidential as its campaign.
/// </summary>
public sealed class Statement
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid CampaignId { get; init; }
    public required string TitleEn { get; set; }
    public required string TitleKm { get; set; }
    public required string BodyEn { get; set; }
    public required string BodyKm { get; set; }
    public StatementStatus Status { get; set; } = StatementStatus.Draft;
    public required DateTime CreatedAt { get; init; }
    public Guid? CreatedById { get; init; }
    public Guid? ApprovedById { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public string? Slug { get; set; }

    /// <summary>"MineBan:TCD" for the welcome drafted when a State joined a treaty, so a re-import drafts none again.</summary>
    public string? WelcomeFor { get; init; }
}

internal sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> builder)
    {
        builder.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.TitleEn).HasMaxLength(300);
        builder.Property(s => s.TitleKm).HasMaxLength(300);
        builder.Property(s => s.BodyEn).HasMaxLength(20_000);
        builder.Property(s => s.BodyKm).HasMaxLength(20_000);
        builder.Property(s => s.Slug).HasMaxLength(120);
        builder.Property(s => s.WelcomeFor).HasMaxLength(60);
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.HasIndex(s => new { s.CampaignId, s.WelcomeFor }).IsUnique();
    }
}
