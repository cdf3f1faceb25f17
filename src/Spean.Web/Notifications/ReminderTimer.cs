using Spean.Core.Notifications;

namespace Spean.Web.Notifications;

/// <summary>
/// Every <see cref="NotificationOptions.ReminderMinutes"/>, asks every module's reminder sources what is due and then
/// e-mails what is to be e-mailed. The first run comes a minute after start, so start-up (migrations, warm-up) goes first.
/// Nothing a run throws ends the loop: it is logged and the next run tries again.
/// </summary>
internal sealed class ReminderTimer(IServiceScopeFactory scopes, NotificationOptions options, TimeProvider time, ILogger<ReminderTimer> logger)
    : BackgroundService
{
    public static readonly TimeSpan FirstRunAfter = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.ReminderTimer) return;
        var interval = TimeSpan.FromMinutes(Math.Max(1, options.ReminderMinutes));
        try
        {
            await Task.Delay(FirstRunAfter, time, stoppingToken);
            using var timer = new PeriodicTimer(interval, time);
            do
            {
                await RunOnceAsync(scopes, logger, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One run: reminders, then e-mail, each in its own scope so a failure of one leaves the other's work intact.</summary>
    public static async Task RunOnceAsync(IServiceScopeFactory scopes, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ReminderRun>().RunAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Reminders could not run; trying again at the next run");
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<NotificationMail>().DeliverAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Notification e-mail could not be delivered; trying again at the next run");
        }
    }
}
