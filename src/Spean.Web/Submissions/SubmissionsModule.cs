using Spean.Core.Submissions;
using Spean.Web.Accounts;
using Spean.Web.Components.Layout;

namespace Spean.Web.Submissions;

internal static class SubmissionsModule
{
    public static WebApplicationBuilder AddSubmissions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSubmissionsServices(builder.Configuration);
        builder.Services.AddMenuEntry(new(17, "/submissions", "Submissions.Nav", Policies.SignedIn, typeof(SubmissionsStrings)));
        return builder;
    }

    public static WebApplication MapSubmissions(this WebApplication app)
    {
        app.MapSubmissionsApi();
        return app;
    }
}
