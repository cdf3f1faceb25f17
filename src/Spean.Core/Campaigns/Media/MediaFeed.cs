using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spean.Core.Accounts;
using Spean.Core.Campaigns.Statements;

namespace Spean.Core.Campaigns.Media;

/// <summary>Why the last poll of a feed failed; the feeds page says it in the reader's language.</summary>
[LabelPrefix("FeedProblem")]
public enum FeedProblem
{
    Unreachable,
    HttpStatus,
    TooLarge,
    NotAFeed,
    PrivateAddress,
}

/// <summary>
/// An RSS or Atom feed an organisation's coordinator subscribed to. Its items land in the inboxes of the campaigns that
/// organisation takes part in (owner or member) whose keywords they contain; other organisations' campaigns never see them.
/// </summary>
public sealed class MediaFeed
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid OrganisationId { get; init; }
    public required string Url { get; set; }
    public required string Title { get; set; }
    public Guid? AddedById { get; init; }
    public required DateTime AddedAt { get; init; }
    public DateTime? LastPolledAt { get; set; }
    public DateTime? LastSucceededAt { get; set; }
    public FeedProblem? LastProblem { get; set; }

    /// <summary>The technical detail of the last problem (an HTTP status, a parser's message), shown beside the translated reason.</summary>
    public string? LastProblemDetail { get; set; }

    /// <summary>Items of the last poll that could not be read and were skipped.</summary>
    public int LastSkippedItems { get; set; }
}

/// <summary>One item of a feed, stored once however often the feed is polled.</summary>
public sealed class MediaItem
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid FeedId { get; init; }

    /// <summary>The item's guid or id, else its link: what makes it the same item on the next poll.</summary>
    public required string Key { get; init; }
    public required string Title { get; set; }
    public string Summary { get; set; } = "";
    public string? Link { get; set; }
    public DateTime? PublishedAt { get; set; }
    public required DateTime FetchedAt { get; init; }
}

/// <summary>An item in one campaign's inbox, with the keywords it matched.</summary>
public sealed class MediaMatch
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid CampaignId { get; init; }
    public required Guid ItemId { get; init; }
    public required List<string> Keywords { get; init; }
    public required DateTime MatchedAt { get; init; }
    public DateTime? DismissedAt { get; set; }
    public Guid? DismissedById { get; set; }

    /// <summary>The statement drafted from this item, so a second click opens it instead of drafting another.</summary>
    public Guid? StatementId { get; set; }
}

internal sealed class MediaFeedConfiguration : IEntityTypeConfiguration<MediaFeed>
{
    public void Configure(EntityTypeBuilder<MediaFeed> builder)
    {
        builder.HasOne<Organisation>().WithMany().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.Url).HasMaxLength(MediaFeeds.MaxUrlLength);
        builder.Property(f => f.Title).HasMaxLength(300);
        builder.Property(f => f.LastProblemDetail).HasMaxLength(500);
        builder.HasIndex(f => new { f.OrganisationId, f.Url }).IsUnique();
    }
}

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> builder)
    {
        builder.HasOne<MediaFeed>().WithMany().HasForeignKey(i => i.FeedId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.Key).HasMaxLength(FeedReading.MaxKeyLength);
        builder.Property(i => i.Title).HasMaxLength(FeedReading.MaxTitleLength);
        builder.Property(i => i.Summary).HasMaxLength(FeedReading.MaxSummaryLength);
        builder.Property(i => i.Link).HasMaxLength(MediaFeeds.MaxUrlLength);
        builder.HasIndex(i => new { i.FeedId, i.Key }).IsUnique();
    }
}

internal sealed class MediaMatchConfiguration : IEntityTypeConfiguration<MediaMatch>
{
    public void Configure(EntityTypeBuilder<MediaMatch> builder)
    {
        builder.HasOne<Campaign>().WithMany().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MediaItem>().WithMany().HasForeignKey(m => m.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Statement>().WithMany().HasForeignKey(m => m.StatementId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.CampaignId, m.ItemId }).IsUnique();
        builder.HasIndex(m => new { m.CampaignId, m.MatchedAt });
    }
}
