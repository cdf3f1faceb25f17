using Spean.Core.Monitoring.Evidence;

namespace Spean.Web.Monitoring;

/// <summary>
/// Removes what interrupted uploads and key rotations left in the evidence folder: once before the app answers (so
/// a restart after a crash starts clean of anything old enough) and every hour after.
/// </summary>
internal sealed class EvidenceLeftoverSweep(IServiceScopeFactory scopes, TimeProvider time, ILogger<EvidenceLeftoverSweep> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await SweepAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(Interval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken)) await SweepAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var removed = await scope.ServiceProvider.GetRequiredService<EvidenceLeftovers>().RemoveAsync(cancellationToken);
            if (removed > 0)
                logger.LogWarning("Removed {Count} evidence file(s) that an interrupted upload or key rotation left behind", removed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException)
        {
            logger.LogError(e, "The evidence folder could not be swept; trying again in an hour");
        }
    }
}
