using Spean.Core.Submissions.Smart;
using Spean.Web.Accounts;
using Spean.Web.Components.Layout;

namespace Spean.Web.Submissions.Smart;

/// <summary>
/// The SMART check registers itself apart from the rest of Submissions so it can be used (the page, the panel) before
/// the submissions pages exist; SubmissionsModule may call these two instead of Program.cs.
/// </summary>
internal static class SmartCheckModule
{
    public static WebApplicationBuilder AddSmartCheck(this WebApplicationBuilder builder)
    {
        builder.Services.AddSmartCheckServices();
        builder.Services.AddMenuEntry(new(18, "/submissions/smart-check", "Smart.Nav", Policies.SignedIn, typeof(SmartStrings)));
        return builder;
    }

    public static WebApplication MapSmartCheck(this WebApplication app)
    {
        app.MapSmartCheckApi();
        return app;
    }
}
