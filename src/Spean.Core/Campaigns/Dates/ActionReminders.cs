using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Notifications;

namespace Spean.Core.Campaigns.Dates;

/// <summary>
/// Actions due within three days, to their owners: the owning user, or an owning organisation's coordinators and
/// administrators. The key holds the due date, so an action moved to a later date is reminded of again.
/// </summary>
internal sealed class ActionReminders(SpeanDbContext db) : IReminderSource
{
    public static readonly NotificationTopic Topic = new("campaign-action-due", "A campaign action I own is due",
        "សកម្មភាពយុទ្ធនាការដែលខ្ញុំទទួលខុសត្រូវដល់ពេលកំណត់", EmailByDefault: true);

    public const int DaysAhead = 3;

    // Roles are stored by name, so "Coordinator or above" is a list, not a comparison the database would make on text.
    private static readonly Role[] Leads = [Role.NetworkAdministrator, Role.Administrator, Role.Coordinator];

    public async IAsyncEnumerable<Reminder> DueAsync(DateTime nowUtc, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        var until = today.AddDays(DaysAhead);
        var due = await db.Set<CampaignAction>()
            .Where(a => a.Due != null && a.Due >= today && a.Due <= until && (a.Status == ActionStatus.Planned || a.Status == ActionStatus.InProgress)
                && (a.OwnerUserId != null || a.OwnerOrganisationId != null))
            .Select(a => new { a.Id, a.CampaignId, a.TitleEn, a.TitleKm, a.Due, a.OwnerUserId, a.OwnerOrganisationId })
            .ToListAsync(cancellationToken);
        foreach (var action in due)
        {
            var users = action.OwnerUserId is { } user
                ? [user]
                : await db.Users.Where(u => u.OrganisationId == action.OwnerOrganisationId && Leads.Contains(u.Role) && u.DisabledAt == null)
                    .Select(u => u.Id).ToListAsync(cancellationToken);
            var date = action.Due!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            yield return new Reminder(Topic, users,
                new NotificationText($"Due {date}: {action.TitleEn}", $"ដល់ពេលកំណត់ {date}៖ {action.TitleKm}",
                    $"/campaigns/{action.CampaignId}#action-{action.Id}"),
                $"campaign-action-due:{action.Id:N}:{date}");
        }
    }
}
