using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Notifications;
using Spean.Core.Text;

namespace Spean.Core.Campaigns.Media;

public static class MediaServices
{
    /// <summary>Media monitoring: feeds, their poller and fetcher, keyword matching and the campaigns' inboxes.</summary>
    public static IServiceCollection AddCampaignMediaServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(services.RenamedSettings().Bind<MediaOptions>(configuration, MediaOptions.Section));
        services.AddSingleton<FeedFetcher>();
        services.AddSingleton(_ => new KeywordMatcher(KhmerSegmenter.LoadShipped()));
        services.AddScoped<MediaFeeds>();
        services.AddScoped<FeedPoller>();
        services.AddScoped<MediaInbox>();
        services.AddNotificationTopic(FeedPoller.Topic);
        return services;
    }
}
