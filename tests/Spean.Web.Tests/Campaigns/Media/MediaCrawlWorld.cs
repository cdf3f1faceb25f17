using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Campaigns.Media;
using Spean.Core.Data;
using Spean.Web.Tests.Reliability;

namespace Spean.Web.Tests.Campaigns.Media;

/// <summary>
/// A feed of organisation A and one of its items in A's Organisation-only campaign, written straight to the database since
/// the crawl's app fetches nothing from 127.0.0.1: the item's text and the feed's name are for A's people only.
/// </summary>
internal sealed class MediaCrawlWorld : ICrawlWorld
{
    public int Order => 31;

    public async Task PlantAsync(CrawlContext context)
    {
        var campaign = context.Shared<CrawlCampaigns>().OrganisationOnly;
        var ofA = CrawlRoles.OfOrganisationA;
        var organisation = context.User(CrawlRole.Coordinator).OrganisationId!.Value;
        var (feedId, matchId) = await context.App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var feed = new MediaFeed
            {
                OrganisationId = organisation, Url = $"https://news.example/{context.Canary("a feed's address", ofA)}.xml",
                Title = context.Canary("a feed's name", ofA), AddedAt = now,
            };
            var item = new MediaItem
            {
                FeedId = feed.Id, Key = "crawl-1", Title = context.Canary("a media item's title", ofA) + " landmine",
                Summary = context.Canary("a media item's summary", ofA), Link = "https://news.example/crawl-1", PublishedAt = now, FetchedAt = now,
            };
            var match = new MediaMatch { CampaignId = campaign, ItemId = item.Id, Keywords = ["landmine"], MatchedAt = now };
            db.AddRange(feed, item, match);
            await db.SaveChangesAsync();
            return (feed.Id, match.Id);
        });
        context.Parameter("/api/v1/campaigns/media/feeds/{feedId}", "feedId", feedId);
        context.Parameter("/api/v1/campaigns/{id}/media/{itemId}", "itemId", matchId);
    }
}
