using System.Runtime.CompilerServices;
using Spean.Core.Accounts;
using Spean.Core.Calendar;

namespace Spean.Core.Submissions.Calendar;

/// <summary>The UPR dates on everyone's calendar: public, so every viewer, signed in or not, gets the same events.</summary>
internal sealed class UprCalendarSource(UprCalendar calendar) : ICalendarSource
{
    public const string Category = "upr";

    public async IAsyncEnumerable<CalendarEvent> EventsAsync(Viewer viewer, DateOnly first, DateOnly last, string? stateIso3,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var review in await calendar.ListAsync(stateIso3, first, last, cancellationToken))
            foreach (var item in Events(review))
                if (item.Date >= first && item.Date <= last)
                    yield return item;
    }

    private static string Km(int number) =>
        string.Concat(number.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => (char)('\u17E0' + (c - '0'))));

    /// <summary>UIDs name the State, cycle and kind, so an entered date replaces its estimate in a subscribed calendar.</summary>
    public static IEnumerable<CalendarEvent> Events(UprReviewView review)
    {
        var d = review.Dates;
        var uid = $"upr-{d.StateIso3.ToLowerInvariant()}-{d.Cycle}";
        var link = $"/submissions/calendar/{d.StateIso3}";
        var (en, km) = (review.StateName, review.StateNameKm);
        string Estimate(bool estimated, string text) => estimated ? text + " (estimate)" : text;
        string EstimateKm(bool estimated, string text) => estimated ? text + " (ប៉ាន់ស្មាន)" : text;
        var deadlineDay = DateOnly.FromDateTime(UprDates.InGeneva(d.SubmissionDeadline.UtcDateTime).DateTime);
        yield return new($"{uid}-deadline@spean", Category,
            Estimate(d.DeadlineEstimated, $"{en}: UPR stakeholder submission deadline (cycle {d.Cycle})"),
            EstimateKm(d.DeadlineEstimated, $"{km}៖ ថ្ងៃផុតកំណត់ដាក់របាយការណ៍ភាគីពាក់ព័ន្ធ UPR (វដ្តទី{Km(d.Cycle)})"),
            deadlineDay, d.SubmissionDeadline, link);
        yield return new($"{uid}-presession@spean", Category,
            Estimate(d.PreSession.Estimated, $"{en}: UPR pre-session (cycle {d.Cycle})"),
            EstimateKm(d.PreSession.Estimated, $"{km}៖ កិច្ចប្រជុំមុនសម័យប្រជុំ UPR (វដ្តទី{Km(d.Cycle)})"), d.PreSession.Date, null, link);
        yield return new($"{uid}-review@spean", Category,
            $"{en}: UPR review, session {d.Session} (cycle {d.Cycle})",
            $"{km}៖ ការពិនិត្យ UPR សម័យប្រជុំទី{Km(d.Session)} (វដ្តទី{Km(d.Cycle)})", d.ReviewDate, null, link);
        yield return new($"{uid}-adoption@spean", Category,
            Estimate(d.Adoption.Estimated, $"{en}: UPR outcome adopted at the Human Rights Council (cycle {d.Cycle})"),
            EstimateKm(d.Adoption.Estimated, $"{km}៖ ក្រុមប្រឹក្សាសិទ្ធិមនុស្សអនុម័តលទ្ធផល UPR (វដ្តទី{Km(d.Cycle)})"), d.Adoption.Date, null, link);
        yield return new($"{uid}-midterm@spean", Category,
            Estimate(d.MidtermReport.Estimated, $"{en}: UPR mid-term report due (cycle {d.Cycle})"),
            EstimateKm(d.MidtermReport.Estimated, $"{km}៖ ផុតកំណត់របាយការណ៍ពាក់កណ្ដាលអាណត្តិ UPR (វដ្តទី{Km(d.Cycle)})"), d.MidtermReport.Date, null, link);
    }
}
