using Microsoft.AspNetCore.Http.HttpResults;
using Spean.Core.Accounts;
using Spean.Core.Calendar;
using Spean.Core.Submissions.Calendar;

namespace Spean.Web.Calendar;

/// <summary>The iCalendar feeds calendar apps subscribe to; apps cannot sign in, so both are anonymous addresses.</summary>
internal static class CalendarFeedApi
{
    public static void MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/calendar").WithTags("Calendar").AllowAnonymous();
        group.MapGet("/states/{iso3}.ics", StateAsync)
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .WithSummary("One State's public UPR dates as an iCalendar feed (lang=en or km for the titles; English by default).");
        group.MapGet("/feed/{token}.ics", PersonalAsync)
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .WithSummary("A user's calendar as an iCalendar feed at the secret address made on /calendar: the events that user may see, " +
                "in the language chosen then (or lang=en or km). An unknown or revoked address is not found.");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> StateAsync(
        string iso3, string? lang, HttpContext context, UprCalendar upr, PersonalCalendar calendar, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (LanguageProblem(lang) is { } problem) return problem;
        if (await upr.StateAsync(iso3, cancellationToken) is not { } state)
            return TypedResults.Problem($"'{iso3}' is not a State Spean knows: use its ISO 3166 alpha-3 code, e.g. /calendar/states/KHM.ics.",
                statusCode: StatusCodes.Status404NotFound);
        var khmer = lang == "km";
        var (first, last) = Window(clock);
        // Anonymous: a State's feed carries only what any reader may see, whoever subscribes to it.
        var events = await calendar.EventsAsync(Viewer.Anonymous, first, last, state.Iso3, cancellationToken);
        var name = khmer ? $"Spean – កាលបរិច្ឆេទ UPR៖ {state.NameKm}" : $"Spean – UPR dates: {state.Name}";
        return Ics(context, IcsFeed.Write(events, name, khmer, Site(context), clock.GetUtcNow()), "public, max-age=3600");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> PersonalAsync(
        string token, string? lang, HttpContext context, CalendarFeeds feeds, PersonalCalendar calendar, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (LanguageProblem(lang) is { } problem) return problem;
        if (await feeds.OpenAsync(token, cancellationToken) is not { } owner)
            return TypedResults.Problem("No calendar at this address: it was revoked or never existed. Make a new one on /calendar.",
                statusCode: StatusCodes.Status404NotFound);
        var khmer = (lang ?? owner.Language) == "km";
        var (first, last) = Window(clock);
        var events = await calendar.EventsAsync(owner.Viewer, first, last, null, cancellationToken);
        return Ics(context, IcsFeed.Write(events, khmer ? "Spean – ប្រតិទិនរបស់ខ្ញុំ" : "Spean – my calendar", khmer, Site(context), clock.GetUtcNow()),
            "private, no-store");
    }

    private static ProblemHttpResult? LanguageProblem(string? lang) => lang is null or "en" or "km"
        ? null
        : TypedResults.Problem($"Unknown language '{lang}': use lang=en (English) or lang=km (Khmer).", statusCode: StatusCodes.Status400BadRequest);

    private static (DateOnly First, DateOnly Last) Window(TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return (today.AddMonths(-PersonalCalendar.FeedMonthsBack), today.AddMonths(PersonalCalendar.FeedMonthsAhead));
    }

    private static Uri Site(HttpContext context) => new($"{context.Request.Scheme}://{context.Request.Host}/");

    private static ContentHttpResult Ics(HttpContext context, string body, string cacheControl)
    {
        context.Response.Headers.CacheControl = cacheControl;
        return TypedResults.Content(body, IcsFeed.ContentType);
    }
}
