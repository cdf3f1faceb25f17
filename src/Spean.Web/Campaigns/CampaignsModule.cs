using Spean.Core.Campaigns;
using Spean.Web.Campaigns.Media;
using Spean.Web.Accounts;
using Spean.Web.Components.Layout;

namespace Spean.Web.Campaigns;

internal static class CampaignsModule
{
    public static WebApplicationBuilder AddCampaigns(this WebApplicationBuilder builder)
    {
        builder.Services.AddCampaignsServices();
        builder.Services.AddMenuEntry(new(45, "/campaigns", "Campaigns.Nav", Policies.SignedIn, typeof(CampaignsStrings)));
        builder.AddCampaignMedia();
        return builder;
    }

    public static WebApplication MapCampaigns(this WebApplication app)
    {
        app.MapCampaignsApi();
        app.MapCampaignEditApi();
        app.MapTreatiesApi();
        app.MapStatementsApi();
        app.MapMediaApi();
        return app;
    }
}

/// <summary>Places on the Campaigns pages where another module shows its part.</summary>
public static class CampaignSections
{
    /// <summary>
    /// Under the list of States not party to a treaty: the campaign's engagements with those States' embassies, which the
    /// Stakeholders register holds. Sections receive <c>Treaty</c> (Spean.Core.Taxonomies.Treaty) and <c>States</c>
    /// (IReadOnlyList&lt;string&gt;, ISO3 codes).
    /// </summary>
    public const string TreatyNotParty = "Campaigns.TreatyNotParty";
}
