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
        builder.Services.AddPageSection(new(StakeholderPageSection, 10, typeof(EmbassyBriefingLink)));
        builder.Services.AddPageSection(new(StatePageSection, 10, typeof(StateBriefingLink)));
        return builder;
    }

    public static WebApplication MapBriefings(this WebApplication app)
    {
        app.MapBriefingsApi();
        return app;
    }

    /// <summary>The stakeholder page's name for its sections, which receive <c>Stakeholder</c> (its StakeholderView).</summary>
    public const string StakeholderPageSection = "Stakeholder";

    /// <summary>The recommendations' State page's name for its sections, which receive <c>Iso3</c> (the State under Review).</summary>
    public const string StatePageSection = "RecommendationState";
}
