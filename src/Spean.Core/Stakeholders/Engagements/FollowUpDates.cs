using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Calendar;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;

namespace Spean.Core.Stakeholders.Engagements;

/// <summary>
/// The viewer's own open follow-ups on their calendar page and feeds, while they may still see the engagement. A feed is read
/// by whatever calendar service its owner gives the address to, so a follow-up of a Restricted engagement (a source at risk)
/// shows only that something is due, never what.
/// </summary>
internal sealed class FollowUpDates(SpeanDbContext db) : ICalendarSource
{
    public const string Category = "follow-up";

    public async IAsyncEnumerable<CalendarEvent> EventsAsync(Viewer viewer, DateOnly first, DateOnly last, string? stateIso3,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (stateIso3 is not null || viewer.UserId is not { } userId) yield break;
        var due = await db.Set<Engagement>().VisibleTo(viewer)
            .SelectMany(e => e.FollowUps.Where(f => f.OwnerId == userId && f.DoneAt == null && f.Due >= first && f.Due <= last),
                (e, f) => new { f.Id, f.Action, f.Due, e.Confidentiality })
            .OrderBy(f => f.Due).AsNoTracking().ToListAsync(cancellationToken);
        foreach (var f in due)
            yield return f.Confidentiality == Confidentiality.Restricted
                ? new CalendarEvent($"follow-up-{f.Id:N}@spean", Category, "A follow-up is due", "ការតាមដានមួយដល់កាលកំណត់", f.Due, Link: "/stakeholders/follow-ups")
                : new CalendarEvent($"follow-up-{f.Id:N}@spean", Category, $"Follow-up: {f.Action}", $"ការតាមដាន៖ {f.Action}", f.Due, Link: "/stakeholders/follow-ups");
    }
}
