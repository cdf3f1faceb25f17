using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;

namespace Spean.Core.Notifications;

/// <summary>One notification as its own reader sees it.</summary>
public sealed record NotificationView(Guid Id, string Topic, string TitleEn, string TitleKm, string? Link, DateTime CreatedAt, DateTime? ReadAt);

/// <summary>A page of the reader's notifications, newest first, and how many are unread in all.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Total, int Unread);

/// <summary>
/// A user's own notifications. Every query is by the caller's user id, so another user's notification is the same as
/// one that does not exist.
/// </summary>
public sealed class NotificationInbox(SpeanDbContext db, TimeProvider time)
{
    public const int MaxPageSize = 100;

    public async Task<NotificationPage> ListAsync(Guid userId, bool unreadOnly = false, int page = 1, int pageSize = 50,
        CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(1, page);
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId);
        var shown = unreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var total = await shown.CountAsync(cancellationToken);
        var unread = unreadOnly ? total : await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var items = await shown.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(n => new NotificationView(n.Id, n.Topic, n.TitleEn, n.TitleKm, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        return new NotificationPage(items, total, unread);
    }

    public Task<int> UnreadCountAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);

    /// <returns>False when the user has no such notification (another user's included).</returns>
    public async Task<bool> MarkReadAsync(Guid userId, Guid id, CancellationToken cancellationToken = default)
    {
        var notification = await db.Set<Notification>().SingleOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
        if (notification is null) return false;
        if (notification.ReadAt is null)
        {
            notification.ReadAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }

    public Task<string?> LinkAsync(Guid userId, Guid id, CancellationToken cancellationToken = default) =>
        db.Set<Notification>().Where(n => n.Id == id && n.UserId == userId).Select(n => n.Link).SingleOrDefaultAsync(cancellationToken);

    /// <returns>How many were unread.</returns>
    public async Task<int> MarkAllReadAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var unread = await db.Set<Notification>().Where(n => n.UserId == userId && n.ReadAt == null).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var notification in unread) notification.ReadAt = now;
        if (unread.Count > 0) await db.SaveChangesAsync(cancellationToken);
        return unread.Count;
    }
}
