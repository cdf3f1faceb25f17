using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using SpeanEvent = Spean.Core.Calendar.CalendarEvent;

namespace Spean.Web.Calendar;

/// <summary>
/// Events as an iCalendar file (RFC 5545) for calendar apps: stable UIDs, timed events at their UTC instant, all-day events
/// as DATE values, the summary in one language, the link back to Spean as URL.
/// </summary>
internal static class IcsFeed
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(IEnumerable<SpeanEvent> events, string name, bool khmer, Uri site, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Spean//Calendar//EN" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("CALSCALE", "GREGORIAN");
        var stamp = new CalDateTime(now.UtcDateTime, "UTC");
        foreach (var item in events)
        {
            var entry = new Ical.Net.CalendarComponents.CalendarEvent
            {
                Uid = item.Uid,
                Summary = khmer ? item.TitleKm : item.TitleEn,
                DtStamp = stamp,
                DtStart = item.At is { } at ? new CalDateTime(at.UtcDateTime, "UTC") : new CalDateTime(item.Date),
                Categories = [item.Category],
            };
            if (item.Link is { } link && Uri.TryCreate(site, link, out var url)) entry.Url = url;
            calendar.Events.Add(entry);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
