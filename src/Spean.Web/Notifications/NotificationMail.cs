using System.Globalization;
using System.Resources;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Notifications;
using Spean.Web.Infrastructure;
using Spean.Web.Mail;

namespace Spean.Web.Notifications;

/// <summary>What one delivery run did: sent, failed (tried again next run) and given up (too old to send).</summary>
internal sealed record DeliveryResult(int Sent, int Failed, bool NotConfigured);

/// <summary>
/// E-mails the notifications that are to be e-mailed, through the same SMTP server as account e-mail. A notification is
/// marked e-mailed only once the server took it; a failure is tried again on the next run until
/// <see cref="NotificationOptions.EmailGiveUpHours"/> have passed since it was made.
/// </summary>
internal sealed class NotificationMail(
    SpeanDbContext db, MailSender mail, MailOptions mailOptions, NotificationOptions options, TimeProvider time, ILogger<NotificationMail> logger)
{
    private static readonly ResourceManager Texts = new("Spean.Web.Notifications.NotificationsStrings", typeof(NotificationsStrings).Assembly);

    /// <summary>At most this many per run, so a backlog is worked off over runs instead of holding one run for long.</summary>
    public const int BatchSize = 200;

    /// <summary>After this many failures in a row the server is taken to be down and the rest wait for the next run.</summary>
    private const int FailuresBeforeStopping = 3;

    public async Task<DeliveryResult> DeliverAsync(CancellationToken cancellationToken = default)
    {
        // Without a server every message would be NotConfigured: leave them all waiting and do no work at all.
        if (!mailOptions.IsConfigured) return new DeliveryResult(0, 0, NotConfigured: true);
        var now = time.GetUtcNow().UtcDateTime;
        var since = now.AddHours(-Math.Max(1, options.EmailGiveUpHours));
        var due = await (
            from n in db.Set<Notification>()
            where n.Email && n.EmailedAt == null && n.CreatedAt >= since
            join u in db.Users on n.UserId equals u.Id
            where u.DisabledAt == null && u.Email != null
            orderby n.CreatedAt
            select new { Notification = n, u.Email, u.DisplayName })
            .Take(BatchSize).ToListAsync(cancellationToken);
        int sent = 0, failed = 0, failedInARow = 0;
        foreach (var item in due)
        {
            var outcome = await mail.SendAsync(Message(item.Email!, item.DisplayName, item.Notification), cancellationToken);
            if (outcome == MailOutcome.Sent)
            {
                item.Notification.EmailedAt = time.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(cancellationToken);
                sent++;
                failedInARow = 0;
                continue;
            }
            failed++;
            if (++failedInARow >= FailuresBeforeStopping)
            {
                logger.LogWarning("Notification e-mail: {Failures} failures in a row; the rest wait for the next run", failedInARow);
                break;
            }
        }
        if (sent > 0 || failed > 0) logger.LogInformation("Notification e-mail: {Sent} sent, {Failed} failed", sent, failed);
        return new DeliveryResult(sent, failed, NotConfigured: false);
    }

    /// <summary>
    /// Spean does not keep a language per person, so, like account e-mail, the message carries both languages, Khmer first.
    /// The body is the title and the link only: whatever the sender put in the title leaves the server, nothing more.
    /// </summary>
    private MailMessage Message(string email, string name, Notification n)
    {
        var link = Link(n.Link);
        var preferences = Link("/notifications/preferences");
        var km = Localization.Cultures[1];
        var en = Localization.Cultures[0];
        string Body(CultureInfo c, string title) =>
            string.Join("\n\n", new[]
            {
                title,
                link is null ? Text("Mail.OpenSpean", c) : string.Format(c, Text("Mail.Open", c), link),
                preferences is null ? null : string.Format(c, Text("Mail.Preferences", c), preferences),
            }.Where(s => s is not null));
        return new MailMessage(email, name, $"{n.TitleKm} / {n.TitleEn}",
            Body(km, n.TitleKm) + "\n\n――――――――――\n\n" + Body(en, n.TitleEn));
    }

    private string? Link(string? path)
    {
        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl)) return null;
        return NotificationLinks.IsInApp(path) ? options.PublicBaseUrl.TrimEnd('/') + path : null;
    }

    private static string Text(string name, CultureInfo culture) =>
        Texts.GetString(name, culture) ?? throw new InvalidOperationException($"NotificationsStrings.resx has no text {name}.");
}
