using Microsoft.Extensions.Logging;

namespace Spean.Core.Notifications;

/// <summary>Something due that some users should be reminded of; <see cref="Key"/> makes each reminder once per user.</summary>
public sealed record Reminder(NotificationTopic Topic, IReadOnlyCollection<Guid> UserIds, NotificationText Text, string Key);

/// <summary>
/// A module's reminders: what is due at <c>nowUtc</c> (a deadline a week away with empty sections, a follow-up due
/// tomorrow). Asked again every run, so it returns everything currently due and relies on the key to send once.
/// </summary>
public interface IReminderSource
{
    IAsyncEnumerable<Reminder> DueAsync(DateTime nowUtc, CancellationToken cancellationToken);
}

/// <summary>One pass over every module's reminders; the web app runs it on a timer, the CLI on demand.</summary>
public sealed class ReminderRun(IEnumerable<IReminderSource> sources, Notifier notifier, TimeProvider time, ILogger<ReminderRun> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var created = 0;
        foreach (var source in sources)
        {
            // One module's broken source must not keep the other modules' deadlines from their users.
            try
            {
                await foreach (var reminder in source.DueAsync(now, cancellationToken))
                    created += await notifier.NotifyAsync(reminder.UserIds, reminder.Topic, reminder.Text, reminder.Key, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "Reminders: the source {Source} failed; the other sources still ran", source.GetType().FullName);
            }
        }
        if (created > 0) logger.LogInformation("Reminders: {Count} new notifications", created);
        return created;
    }
}
