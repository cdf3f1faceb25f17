using Spean.Core.Campaigns.Media;

namespace Spean.Web.Campaigns.Media;

/// <summary>
/// Polls every feed each <see cref="MediaOptions.PollMinutes"/> (none when 0), the first time two minutes after start so
/// start-up goes first. A failed run is logged and the next one tries again; a failing feed is marked on the feed itself.
/// </summary>
internal sealed class MediaPollTimer(IServiceScopeFactory scopes, MediaOptions options, TimeProvider time, ILogger<MediaPollTimer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.PollMinutes <= 0) return;
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(2), time, stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.PollMinutes), time);
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<FeedPoller>().PollAllAsync(cancellationToken: stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "Media feeds could not be polled; trying again at the next run");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
