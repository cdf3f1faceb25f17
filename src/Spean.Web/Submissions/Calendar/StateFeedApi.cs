using Microsoft.AspNetCore.Http.HttpResults;
using Spean.Core.Accounts;
using Spean.Core.Calendar;
using Spean.Core.Submissions.Calendar;
using Spean.Web.Calendar;

namespace Spean.Web.Submissions.Calendar;

/// <summary>A State's dates as an iCalendar feed, from every calendar source that has dates of States.</summary>
internal static class StateFeedApi
{
    public static void MapStateFeed(this IEndpointRouteBuilder app) =>
        app.MapGroup("/calendar").WithTags("Calendar").AllowAnonymous()
            .MapGet("/states/{iso3}.ics", StateAsync)
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One State's public UPR dates as an iCalendar feed (lang=en or km for the titles; English by default).");

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> StateAsync(
        string iso3, string? lang, HttpContext context, UprCalendar upr, PersonalCalendar calendar, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (CalendarFeedApi.LanguageProblem(lang) is { } problem) return problem;
        if (await upr.StateAsync(iso3, cancellationToken) is not { } state)
            return TypedResults.Problem($"'{iso3}' is not a State Spean knows: use its ISO 3166 alpha-3 code, e.g. /calendar/states/KHM.ics.",
                statusCode: StatusCodes.Status404NotFound);
        var khmer = lang == "km";
        var (first, last) = CalendarFeedApi.Window(clock);
        // Anonymous: a State's feed carries only what any reader may see, whoever subscribes to it.
        var events = await calendar.EventsAsync(Viewer.Anonymous, first, last, state.Iso3, cancellationToken);
        var name = khmer ? $"Spean – កាលបរិច្ឆេទ UPR៖ {state.NameKm}" : $"Spean – UPR dates: {state.Name}";
        return CalendarFeedApi.Ics(context, IcsFeed.Write(events, name, khmer, CalendarFeedApi.Site(context), clock.GetUtcNow()), "public, max-age=3600");
    }
}
