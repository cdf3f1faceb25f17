using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;

namespace Spean.Core.Notifications;

/// <summary>
/// Stores notifications for users, as each user chose for the topic. The same key for the same user is stored once, so
/// whoever notifies may do so again safely (a reminder scan every hour, an import re-run).
/// </summary>
public sealed class Notifier(SpeanDbContext db, TimeProvider time)
{
    /// <returns>How many notifications were new.</returns>
    public async Task<int> NotifyAsync(IReadOnlyCollection<Guid> userIds, NotificationTopic topic, NotificationText text, string key,
        CancellationToken cancellationToken = default)
    {
        if (userIds.Count == 0) return 0;
        var ids = userIds.Distinct().ToList();
        var already = await db.Set<Notification>().Where(n => ids.Contains(n.UserId) && n.Key == key)
            .Select(n => n.UserId).ToListAsync(cancellationToken);
        var chosen = await db.Set<NotificationPreference>().Where(p => ids.Contains(p.UserId) && p.Topic == topic.Key)
            .ToDictionaryAsync(p => p.UserId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var added = new List<Notification>();
        foreach (var userId in ids.Except(already))
        {
            var preference = chosen.GetValueOrDefault(userId);
            var inApp = preference?.InApp ?? true;
            var email = preference?.Email ?? topic.EmailByDefault;
            if (!inApp && !email) continue;
            added.Add(new Notification
            {
                UserId = userId, Topic = topic.Key, Key = key, TitleEn = text.TitleEn, TitleKm = text.TitleKm, Link = text.Link,
                CreatedAt = now, Email = email,
                // Chosen out of the app but still wanted by e-mail: the row carries the mail and is born read.
                ReadAt = inApp ? null : now,
            });
        }
        if (added.Count == 0) return 0;
        db.AddRange(added);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Left tracked, the refused rows would fail every later save of this scope (the next reminder source's).
            foreach (var notification in added) db.Entry(notification).State = EntityState.Detached;
            throw;
        }
        return added.Count;
    }
}
