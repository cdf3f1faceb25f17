using Spean.Core.Taxonomies;
using Spean.Web.Components.Layout;

namespace Spean.Web.Taxonomies;

internal static class TaxonomiesModule
{
    public static WebApplicationBuilder AddTaxonomies(this WebApplicationBuilder builder)
    {
        builder.Services.AddTaxonomiesServices();
        builder.Services.AddSingleton<PlaceList>();
        builder.Services.AddMenuEntry(new(20, "/countries", "Countries"));
        builder.Services.AddMenuEntry(new(30, "/gazetteer", "Gazetteer"));
        builder.Services.AddMenuEntry(new(40, "/sdgs", "Sdgs"));
        return builder;
    }

    public static WebApplication MapTaxonomies(this WebApplication app)
    {
        app.MapTaxonomiesApi();
        return app;
    }
}
