using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Calendar;
using Spean.Core.Data;

namespace Spean.Core.Campaigns.Dates;

/// <summary>
/// Campaign dates for the calendar page and feeds: the due actions of the campaigns the viewer takes part in (not every
/// campaign the viewer could read, so a network's calendar is not everyone's to-do list) and the shipped anniversaries,
/// which are public. Neither belongs to a State, so the per-State feed gets nothing from here.
/// </summary>
internal sealed class CampaignDates(SpeanDbContext db, Anniversaries anniversaries) : ICalendarSource
{
    public const string ActionCategory = "campaign-action", AnniversaryCategory = "anniversary";

    public async IAsyncEnumerable<CalendarEvent> EventsAsync(Viewer viewer, DateOnly first, DateOnly last, string? stateIso3,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (stateIso3 is not null) yield break;
        foreach (var (anniversary, date) in anniversaries.Between(first, last))
            yield return Anniversary(anniversary, date);
        if (viewer.IsAnonymous) yield break;
        var campaigns = db.Set<Campaign>().Where(CampaignAccess.TakingPart(viewer)).Select(c => c.Id);
        foreach (var action in await ActionsAsync(db.Set<CampaignAction>().Where(a => campaigns.Contains(a.CampaignId)), first, last, cancellationToken))
            yield return action;
    }

    /// <summary>One campaign's due actions, for its own calendar page; the caller has checked that the viewer may see it.</summary>
    public Task<List<CalendarEvent>> ForCampaignAsync(Guid campaignId, DateOnly first, DateOnly last, CancellationToken cancellationToken) =>
        ActionsAsync(db.Set<CampaignAction>().Where(a => a.CampaignId == campaignId), first, last, cancellationToken);

    internal static CalendarEvent Anniversary(Anniversary a, DateOnly date) =>
        new($"anniversary-{a.Month:00}{a.Day:00}-{Math.Abs(StableHash(a.En)):x8}-{date.Year}@spean", AnniversaryCategory, a.En, a.Km, date);

    private static async Task<List<CalendarEvent>> ActionsAsync(IQueryable<CampaignAction> actions, DateOnly first, DateOnly last,
        CancellationToken cancellationToken)
    {
        var due = await actions.Where(a => a.Due != null && a.Due >= first && a.Due <= last && a.Status != ActionStatus.Cancelled)
            .OrderBy(a => a.Due).Select(a => new { a.Id, a.CampaignId, a.TitleEn, a.TitleKm, a.Due, a.Status }).ToListAsync(cancellationToken);
        return [.. due.Select(a => new CalendarEvent($"campaign-action-{a.Id:N}@spean", ActionCategory,
            a.Status == ActionStatus.Done ? $"✓ {a.TitleEn}" : a.TitleEn, a.Status == ActionStatus.Done ? $"✓ {a.TitleKm}" : a.TitleKm,
            a.Due!.Value, Link: string.Create(CultureInfo.InvariantCulture, $"/campaigns/{a.CampaignId}#action-{a.Id}")))];
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text) hash = unchecked(hash * 31 + c);
        return hash;
    }
}
