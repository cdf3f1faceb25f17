using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Campaigns.Dates;
using Spean.Core.Notifications;
using Spean.Web.Tests.Campaigns;
using Spean.Web.Tests.Reliability;

namespace Spean.Web.Tests.Notifications;

/// <summary>
/// One notification for the Author and one for the member of organisation B, each titled with a canary only its owner may
/// read: nobody else, whatever their role or organisation, sees or opens another's notification.
/// </summary>
internal sealed class NotificationsCrawlWorld : ICrawlWorld
{
    public int Order => 32;

    public async Task PlantAsync(CrawlContext context)
    {
        var campaigns = context.Shared<CrawlCampaigns>();
        var ids = new List<Guid>
        {
            await NotifyAsync(context, CrawlRole.Author, $"/campaigns/{campaigns.OrganisationOnly}"),
            await NotifyAsync(context, CrawlRole.MemberOfOtherOrganisation, $"/campaigns/{campaigns.OtherOrganisations}"),
        };
        context.Parameter("/notifications/{Id}", "Id", ids);
        context.Parameter("/api/v1/notifications/{id}", "id", ids);
    }

    private static Task<Guid> NotifyAsync(CrawlContext context, CrawlRole owner, string link) => context.App.WithScopeAsync(async services =>
    {
        var user = context.User(owner).Id;
        var title = context.Canary($"a notification's title for the {owner}", owner);
        var key = $"crawl:{Guid.NewGuid():N}";
        Assert.Equal(1, await services.GetRequiredService<Notifier>().NotifyAsync([user], ActionReminders.Topic,
            new NotificationText(title, "ការជូនដំណឹង " + title, link), key));
        return services.GetRequiredService<Spean.Core.Data.SpeanDbContext>().Set<Notification>().Single(n => n.UserId == user && n.Key == key).Id;
    });
}
