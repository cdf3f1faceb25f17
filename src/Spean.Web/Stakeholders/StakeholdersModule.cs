using Spean.Core.Stakeholders;
using Spean.Web.Accounts;
using Spean.Web.Components.Layout;

namespace Spean.Web.Stakeholders;

internal static class StakeholdersModule
{
    public static WebApplicationBuilder AddStakeholders(this WebApplicationBuilder builder)
    {
        builder.Services.AddStakeholdersServices();
        builder.Services.AddMenuEntry(new(25, "/stakeholders", "Nav", Policies.SignedIn, typeof(StakeholdersStrings)));
        return builder;
    }

    public static WebApplication MapStakeholders(this WebApplication app)
    {
        app.MapStakeholdersApi();
        app.MapEngagementsApi();
        return app;
    }
}
