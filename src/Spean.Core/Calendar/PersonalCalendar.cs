using Spean.Core.Accounts;

namespace Spean.Core.Calendar;

/// <summary>
/// Every source's events for one viewer, in date order, each UID once. The page and both feeds ask here, so a feed can
/// show no more than its user's page does.
/// </summary>
public sealed class PersonalCalendar(IEnumerable<ICalendarSource> sources)
{
    /// <summary>How far the feeds look back and ahead: a calendar app keeps past events it has seen, and UPR dates come years ahead.</summary>
    public const int FeedMonthsBack = 12;
    public const int FeedMonthsAhead = 36;

    public async Task<IReadOnlyList<CalendarEvent>> EventsAsync(Viewer viewer, DateOnly first, DateOnly last, string? stateIso3,
        CancellationToken cancellationToken = default)
    {
        var events = new Dictionary<string, CalendarEvent>(StringComparer.Ordinal);
        foreach (var source in sources)
            await foreach (var item in source.EventsAsync(viewer, first, last, stateIso3, cancellationToken))
                if (item.Date >= first && item.Date <= last)
                    events.TryAdd(item.Uid, item);
        return events.Values.OrderBy(e => e.Date).ThenBy(e => e.At ?? DateTimeOffset.MaxValue).ThenBy(e => e.TitleEn, StringComparer.Ordinal).ToList();
    }
}
