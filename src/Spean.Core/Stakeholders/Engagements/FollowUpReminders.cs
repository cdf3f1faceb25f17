using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Notifications;

namespace Spean.Core.Stakeholders.Engagements;

/// <summary>
/// Reminds each owner of a follow-up not done by the day before it is due (and, once, of one already overdue). The reminder
/// names neither the action nor the engagement, since it may be e-mailed: it says only that a follow-up is due and links to
/// the owner's list, where the owner sees it only while they may still see the engagement.
/// </summary>
public sealed class FollowUpReminders(SpeanDbContext db) : IReminderSource
{
    public static readonly NotificationTopic Topic = new("follow-up-due", "A follow-up of an engagement is due", "ការតាមដានការចូលរួមដល់កាលកំណត់", EmailByDefault: true);

    public async IAsyncEnumerable<Reminder> DueAsync(DateTime nowUtc, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var tomorrow = DateOnly.FromDateTime(nowUtc).AddDays(1);
        var due = await db.Set<Engagement>()
            .SelectMany(e => e.FollowUps.Where(f => f.DoneAt == null && f.Due <= tomorrow), (e, f) => new { Engagement = e, FollowUp = f })
            .AsNoTracking().ToListAsync(cancellationToken);
        var ownerIds = due.Select(d => d.FollowUp.OwnerId).Distinct().ToList();
        var owners = await db.Users.Where(u => ownerIds.Contains(u.Id) && u.DisabledAt == null)
            .Select(u => new Viewer(u.Id, u.Role, u.OrganisationId)).ToDictionaryAsync(v => v.UserId!.Value, cancellationToken);
        foreach (var (engagement, followUp) in due.Select(d => (d.Engagement, d.FollowUp)))
        {
            if (!owners.TryGetValue(followUp.OwnerId, out var owner) || !StakeholderAccess.CanSee(engagement, owner)) continue;
            var date = followUp.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            yield return new Reminder(Topic, [followUp.OwnerId],
                new NotificationText($"A follow-up is due on {date}", $"ការតាមដានមួយត្រូវធ្វើមុនថ្ងៃ {date}", "/stakeholders/follow-ups"),
                $"follow-up-due:{followUp.Id}:{date}");
        }
    }
}
