using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Recommendations.Classification;
using Spean.Core.Recommendations.Detail;
using Spean.Core.Recommendations.Pledges;
using Spean.Core.Recommendations.Recurrence;
using Spean.Core.Recommendations.Saved;
using Spean.Core.Recommendations.Search;

namespace Spean.Core.Recommendations;

public static class RecommendationsServices
{
    /// <summary>Search, import, export, editing, statistics, recurrence, pledges and the classifier, for the web app and the CLI alike.</summary>
    public static IServiceCollection AddRecommendationsServices(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = services.RenamedSettings();
        services.AddSingleton(settings.Bind<SearchOptions>(configuration, SearchOptions.Section,
            ("Spean:SearchFreshnessSeconds", nameof(SearchOptions.FreshnessSeconds))));
        services.AddSingleton(settings.Bind<ClassifierOptions>(configuration, ClassifierOptions.Section,
            ("Spean:TrainClassifierOnStart", nameof(ClassifierOptions.TrainOnStart))));
        services.AddScoped<RecommendationImporter>();
        services.AddSingleton<RecommendationStatistics>();
        services.AddSingleton<RecommendationSearch>();
        services.AddScoped<RecommendationExport>();
        services.AddScoped<SavedSearches>();
        services.AddScoped<RecommendationEditor>();
        services.AddScoped<VoluntaryPledgeImporter>();
        services.AddScoped<PledgeQuery>();
        services.AddSingleton<RecurrenceCache>();
        services.AddScoped<RecommendationRecurrence>();
        services.AddScoped<RecommendationDetails>();
        services.AddSingleton<RecommendationClassifier>();
        return services;
    }
}
