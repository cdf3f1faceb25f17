using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Calendar;
using Spean.Web.Tests.Reliability;

namespace Spean.Web.Tests.Calendar;

/// <summary>
/// Secret feed addresses. Whoever holds an address reads it, so the crawl visits it as every role: the live one belongs to
/// the member of organisation B and must never carry A's Organisation campaign's dated action (planted by the Campaigns
/// world and shown on A's /calendar); the Author's address, which would carry it, is revoked and must show nothing.
/// </summary>
internal sealed class CalendarCrawlWorld : ICrawlWorld
{
    public int Order => 31;

    public async Task PlantAsync(CrawlContext context)
    {
        var other = await FeedAsync(context, CrawlRole.MemberOfOtherOrganisation, revoke: false);
        var revoked = await FeedAsync(context, CrawlRole.Author, revoke: true);
        context.Parameter("/calendar/feed/{token}.ics", "token", other, revoked);
    }

    private static Task<string> FeedAsync(CrawlContext context, CrawlRole role, bool revoke) => context.App.WithScopeAsync(async services =>
    {
        var user = context.User(role);
        var viewer = new Viewer(user.Id, user.Role, user.OrganisationId);
        var feeds = services.GetRequiredService<CalendarFeeds>();
        var (feed, refusal) = await feeds.CreateAsync(viewer, "en");
        Assert.True(feed is not null, refusal?.Message);
        if (revoke) Assert.True(await feeds.RevokeAsync(viewer, feed.Id));
        return feed.Token;
    });
}
