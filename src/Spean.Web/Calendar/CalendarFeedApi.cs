using Microsoft.AspNetCore.Http.HttpResults;
using Spean.Core.Calendar;

namespace Spean.Web.Calendar;

/// <summary>The per-user iCalendar feed; calendar apps cannot sign in, so it is an anonymous, secret address.</summary>
internal static class CalendarFeedApi
{
    public static void MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/calendar").WithTags("Calendar").AllowAnonymous();
        group.MapGet("/feed/{token}.ics", PersonalAsync)
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A user's calendar as an iCalendar feed at the secret address made on /calendar: the events that user may see, " +
                "in the language chosen then (or lang=en or km). An unknown or revoked address is not found.");
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

    internal static ProblemHttpResult? LanguageProblem(string? lang) => lang is null or "en" or "km"
        ? null
        : TypedResults.Problem($"Unknown language '{lang}': use lang=en (English) or lang=km (Khmer).", statusCode: StatusCodes.Status400BadRequest);

    internal static (DateOnly First, DateOnly Last) Window(TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return (today.AddMonths(-PersonalCalendar.FeedMonthsBack), today.AddMonths(PersonalCalendar.FeedMonthsAhead));
    }

    internal static Uri Site(HttpContext context) => new($"{context.Request.Scheme}://{context.Request.Host}/");

    internal static ContentHttpResult Ics(HttpContext context, string body, string cacheControl)
    {
        context.Response.Headers.CacheControl = cacheControl;
        return TypedResults.Content(body, IcsFeed.ContentType);
    }
}
