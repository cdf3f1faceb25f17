using Spean.Core.Recommendations;
using Spean.Web.Components.Layout;
using Spean.Web.Recommendations.Detail;
using Spean.Web.Recommendations.Prediction;
using Spean.Web.Recommendations.Saved;

namespace Spean.Web.Recommendations;

internal static class RecommendationsModule
{
    public static WebApplicationBuilder AddRecommendations(this WebApplicationBuilder builder)
    {
        builder.Services.AddRecommendationsServices(builder.Configuration);
        builder.Services.AddScoped<RecommendationLabels>();
        builder.Services.AddSingleton<Search.ReferenceNames>();
        builder.Services.AddOutputCache(cache => cache.AddPolicy(Search.AnonymousSearchCache.Policy, new Search.AnonymousSearchCache()));
        builder.Services.AddHostedService<SearchWarmUp>();
        builder.Services.AddHostedService<ClassifierTraining>();
        builder.Services.AddMenuEntry(new(10, "/recommendations", "Recommendations"));
        return builder;
    }

    public static WebApplication MapRecommendations(this WebApplication app)
    {
        app.MapRecommendationsApi();
        app.MapSavedSearchesApi();
        app.MapRecommendationDetailApi();
        app.MapPredictionApi();
        return app;
    }
}
