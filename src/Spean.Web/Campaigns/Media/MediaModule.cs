using Microsoft.Extensions.Localization;
using Spean.Core;
using Spean.Core.Campaigns.Media;
using Spean.Web.Accounts;
using Spean.Web.Components.Layout;

namespace Spean.Web.Campaigns.Media;

/// <summary>Media monitoring's part of the Campaigns module: its services, the poll timer and the feeds page's menu entry.</summary>
internal static class MediaModule
{
    public static WebApplicationBuilder AddCampaignMedia(this WebApplicationBuilder builder)
    {
        builder.Services.AddCampaignMediaServices(builder.Configuration);
        builder.Services.AddHostedService<MediaPollTimer>();
        builder.Services.AddMenuEntry(new(46, "/campaigns/media/feeds", "Feeds.Title", Policies.Coordinator, typeof(MediaStrings)));
        return builder;
    }

    /// <summary>A refusal in the reader's language, from MediaStrings ("MediaProblem.PrivateAddress").</summary>
    public static string Say(this IStringLocalizer<MediaStrings> M, Refusal refusal) =>
        M[$"{refusal.Code.GetType().Name}.{refusal.Code}", refusal.Arguments];
}
