using Spean.Core.Monitoring.Evidence;

namespace Spean.Web.Monitoring;

/// <summary>
/// Clears what interrupted uploads and key rotations left in the evidence folder (<see cref="EvidenceLeftovers"/>): once
/// before the app answers, so a restart after a crash starts clean of anything old enough, and every hour after.
/// </summary>
internal sealed class EvidenceLeftoverSweep(IServiceScopeFactory scopes, TimeProvider time, ILogger<EvidenceLeftoverSweep> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await SweepAsync(atStart: true, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(Interval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken)) await SweepAsync(atStart: false, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SweepAsync(bool atStart, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var sweep = await scope.ServiceProvider.GetRequiredService<EvidenceLeftovers>().SweepAsync(cancellationToken);
            if (sweep.Completed + sweep.Removed > 0)
                logger.LogWarning("Evidence left by an interrupted upload or key rotation: {Completed} file(s) kept under their name, {Removed} removed",
                    sweep.Completed, sweep.Removed);
            if (atStart && sweep.Unnamed > 0)
                logger.LogWarning("{Count} evidence file(s) in the evidence folder are named by no row of this database; they are left as they are. " +
                    "After a restore of an older backup that is expected; otherwise check that Spean:Evidence:Directory and the database belong together",
                    sweep.Unnamed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            logger.LogError(e, "The evidence folder could not be swept; trying again in an hour");
        }
    }
}
