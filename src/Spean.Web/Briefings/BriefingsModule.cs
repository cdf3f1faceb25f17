using Spean.Core.Briefings;
using Spean.Web.Accounts;
using Spean.Web.Components;
using Spean.Web.Components.Layout;

namespace Spean.Web.Briefings;

internal static class BriefingsModule
{
    public static WebApplicationBuilder AddBriefings(this WebApplicationBuilder builder)
    {
        builder.Services.AddBriefingsServices();
        builder.Services.AddMenuEntry(new(27, "/briefings", "Nav", Policies.SignedIn, typeof(BriefingsStrings)));
        builder.Services.AddPageSection(new(PageSections.Stakeholder, 10, typeof(EmbassyBriefingLink)));
        builder.Services.AddPageSection(new(PageSections.RecommendationState, 10, typeof(StateBriefingLink)));
        return builder;
    }

    public static WebApplication MapBriefings(this WebApplication app)
    {
        app.MapBriefingsApi();
        return app;
    }
}
