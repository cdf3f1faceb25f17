using Spean.Web.Accounts;
using Spean.Web.Components.Layout;

namespace Spean.Web.Administration;

internal static class AdministrationModule
{
    public static WebApplicationBuilder AddAdministration(this WebApplicationBuilder builder)
    {
        builder.Services.AddMenuEntry(new(80, "/admin/users", "Users", Policies.Administrator));
        builder.Services.AddMenuEntry(new(90, "/admin/audit", "AuditTrail", Policies.Administrator));
        return builder;
    }

    public static WebApplication MapAdministration(this WebApplication app)
    {
        app.MapAdministrationApi();
        app.MapAuditApi();
        return app;
    }
}
