using Spean.Core.Recommendations;

namespace Spean.Web.Recommendations;

/// <summary>Builds the recommendations index in the background once the app has started.</summary>
internal sealed class SearchWarmUp(RecommendationSearch search, ILogger<SearchWarmUp> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await search.WarmUpAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The first search builds it instead; the app stays up.
            log.LogWarning(e, "The recommendations index could not be built ahead of the first search.");
        }
    }
}
