using Spean.Core.Accounts;

namespace Spean.Core.Calendar;

/// <summary>
/// One date on someone's calendar: a UPR deadline, a campaign action, a follow-up, an anniversary. <see cref="At"/> is
/// the instant of a timed event (a deadline at noon in Geneva); without it the event lasts the whole <see cref="Date"/>.
/// <see cref="Uid"/> stays the same when the event moves, so calendar apps update it instead of adding a second one.
/// </summary>
public sealed record CalendarEvent(string Uid, string Category, string TitleEn, string TitleKm, DateOnly Date, DateTimeOffset? At = null,
    string? Link = null);

/// <summary>
/// A module's dates for the calendar page and the iCalendar feeds: those between <c>first</c> and <c>last</c> (inclusive)
/// that the viewer may see. A State (ISO3), when given, narrows to that State's dates (the per-State feed); a source
/// whose dates belong to no State returns nothing then.
/// </summary>
public interface ICalendarSource
{
    IAsyncEnumerable<CalendarEvent> EventsAsync(Viewer viewer, DateOnly first, DateOnly last, string? stateIso3, CancellationToken cancellationToken);
}
