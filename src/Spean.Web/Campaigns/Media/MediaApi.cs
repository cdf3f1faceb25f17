using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spean.Core;
using Spean.Core.Campaigns.Media;
using Spean.Core.Monitoring.Reports;
using Spean.Web.Accounts;
using Spean.Web.Infrastructure;

namespace Spean.Web.Campaigns.Media;

/// <param name="LastProblem">Why the last poll failed: Unreachable, HttpStatus, TooLarge, NotAFeed or PrivateAddress; null when it worked.</param>
/// <param name="LastSkippedItems">Items of the last poll that could not be read and were left out.</param>
public sealed record FeedResponse(Guid Id, string Url, string Title, DateTime AddedAt, DateTime? LastPolledAt, DateTime? LastSucceededAt,
    string? LastProblem, string? LastProblemDetail, int LastSkippedItems);

/// <param name="Url">The full http or https address of an RSS 2.0 or Atom feed.</param>
/// <param name="Title">How the inbox names its items' source; the host name when left out.</param>
public sealed record FeedRequest(string? Url, string? Title = null);

/// <param name="Problem">Unreachable, HttpStatus, TooLarge, NotAFeed or PrivateAddress; null when the feed was read.</param>
public sealed record FeedPollResponse(Guid FeedId, int NewItems, int Matches, int Skipped, string? Problem, string? Detail);

/// <param name="Id">The item's place in this campaign's inbox (use it to dismiss it or make a report or statement of it).</param>
/// <param name="Keywords">The campaign's keywords the item's title or summary holds.</param>
/// <param name="StatementId">The statement already drafted from this item, if any.</param>
public sealed record InboxItemResponse(Guid Id, string Title, string Summary, string? Link, DateTime? PublishedAt, DateTime MatchedAt, string Source,
    IReadOnlyList<string> Keywords, bool Dismissed, Guid? StatementId);

/// <param name="Category">A report category code (mining, land, landmines, trafficking, defenders, environment, other).</param>
/// <param name="AdminUnitCode">The gazetteer code of the place in Cambodia (a province is enough); leave it out for an incident abroad.</param>
/// <param name="CountryIso3">The country of an incident outside Cambodia (alpha-3, e.g. MMR, UKR); leave it out for Cambodia.</param>
public sealed record ItemReportRequest(string? Category, string? AdminUnitCode, string? CountryIso3 = null);

/// <param name="Id">The report's or statement's id.</param>
/// <param name="Url">Its page.</param>
public sealed record MadeFromItemResponse(Guid Id, string Url);

internal static class MediaApi
{
    public static void MapMediaApi(this IEndpointRouteBuilder app)
    {
        var coordinators = app.MapGroup(CampaignsApi.Path + "/media/feeds").WithTags("Campaigns").RequireAuthorization(Policies.Coordinator);
        coordinators.MapGet("/", Feeds).WithSummary("The RSS and Atom feeds your organisation follows, with how each last poll went.");
        coordinators.MapPost("/", Add)
            .WithSummary("Follow a feed: its items that hold a campaign's keywords land in the inboxes of the campaigns your organisation takes part in.");
        coordinators.MapDelete("/{feedId:guid}", Remove).WithSummary("Stop following a feed; its items leave the inboxes.");
        coordinators.MapPost("/{feedId:guid}/poll", Poll).WithSummary("Check one of your organisation's feeds now instead of at the next scheduled poll.");
        coordinators.MapPost("/poll", PollAll).WithSummary("Check all your organisation's feeds now.");
        var signedIn = app.MapGroup(CampaignsApi.Path).WithTags("Campaigns").RequireAuthorization(Policies.SignedIn);
        signedIn.MapGet("/{id:guid}/media", Inbox)
            .WithSummary("A campaign's media inbox, newest first (dismissed=true for the dismissed items): for the people taking part in it.");
        var members = app.MapGroup(CampaignsApi.Path).WithTags("Campaigns").RequireAuthorization(Policies.Member);
        members.MapPost("/{id:guid}/media/{itemId:guid}/dismissal", Dismiss).WithSummary("Dismiss an item from the campaign's inbox.");
        members.MapPost("/{id:guid}/media/{itemId:guid}/report", ToReport)
            .WithSummary("Make a second-hand draft report of an item, yours and your organisation's; asking again returns the same report.");
        members.MapPost("/{id:guid}/media/{itemId:guid}/statement", ToStatement)
            .WithSummary("Draft a campaign statement with the item as its reason; asking again returns the statement already drafted.");
    }

    private static async Task<Ok<IReadOnlyList<FeedResponse>>> Feeds(MediaFeeds feeds, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<FeedResponse>>([.. (await feeds.ListAsync(user.Viewer(), cancellationToken)).Select(Response)]);

    private static async Task<Results<Created<FeedResponse>, ProblemHttpResult>> Add(MediaFeeds feeds, ClaimsPrincipal user, FeedRequest request,
        CancellationToken cancellationToken)
    {
        var (feed, refusal) = await feeds.AddAsync(request.Url, request.Title, user.Viewer(), cancellationToken);
        return feed is null ? Refused(refusal!) : TypedResults.Created($"{CampaignsApi.Path}/media/feeds", Response(feed));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(MediaFeeds feeds, ClaimsPrincipal user, Guid feedId,
        CancellationToken cancellationToken) =>
        await feeds.RemoveAsync(feedId, user.Viewer(), cancellationToken) is { } refusal ? Refused(refusal) : TypedResults.NoContent();

    private static async Task<Results<Ok<FeedPollResponse>, ProblemHttpResult>> Poll(FeedPoller poller, ClaimsPrincipal user, Guid feedId,
        CancellationToken cancellationToken)
    {
        var (poll, refusal) = await poller.PollAsync(feedId, user.Viewer(), cancellationToken);
        return poll is null ? Refused(refusal!) : TypedResults.Ok(Response(poll));
    }

    private static async Task<Results<Ok<IReadOnlyList<FeedPollResponse>>, ProblemHttpResult>> PollAll(FeedPoller poller, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var viewer = user.Viewer();
        if (!MediaFeeds.MayManage(viewer)) return Refused(MediaFeeds.MayNotManage);
        return TypedResults.Ok<IReadOnlyList<FeedPollResponse>>([.. (await poller.PollAllAsync(viewer.OrganisationId, cancellationToken)).Select(Response)]);
    }

    private static async Task<Results<Ok<IReadOnlyList<InboxItemResponse>>, ProblemHttpResult>> Inbox(MediaInbox inbox, ClaimsPrincipal user, Guid id,
        bool? dismissed, CancellationToken cancellationToken)
    {
        var (entries, refusal) = await inbox.ListAsync(id, user.Viewer(), dismissed ?? false, cancellationToken);
        return entries is null ? Refused(refusal!) : TypedResults.Ok<IReadOnlyList<InboxItemResponse>>([.. entries.Select(e => new InboxItemResponse(
            e.MatchId, e.Title, e.Summary, e.Link, e.PublishedAt, e.MatchedAt, e.Source, e.Keywords, e.Dismissed, e.StatementId))]);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Dismiss(MediaInbox inbox, ClaimsPrincipal user, Guid id, Guid itemId,
        CancellationToken cancellationToken) =>
        await inbox.DismissAsync(id, itemId, user.Viewer(), cancellationToken) is { } refusal ? Refused(refusal) : TypedResults.NoContent();

    private static async Task<Results<Created<MadeFromItemResponse>, Ok<MadeFromItemResponse>, ValidationProblem, ProblemHttpResult>> ToReport(
        MediaInbox inbox, ClaimsPrincipal user, Guid id, Guid itemId, ItemReportRequest request, CancellationToken cancellationToken)
    {
        var outcome = await inbox.ToReportAsync(id, itemId, request.Category, request.AdminUnitCode, request.CountryIso3, user.Viewer(), cancellationToken);
        if (outcome.Refused)
            return outcome.Refusal!.Code is MediaProblem or ReportInputProblem.ClientIdTaken or ReportInputProblem.NoOrganisation
                ? Refused(outcome.Refusal) : outcome.Refusals.Invalid();
        var made = new MadeFromItemResponse(outcome.Value.Id, $"/reports/{outcome.Value.Id}");
        return outcome.Value.Created ? TypedResults.Created(made.Url, made) : TypedResults.Ok(made);
    }

    private static async Task<Results<Created<MadeFromItemResponse>, Ok<MadeFromItemResponse>, ProblemHttpResult>> ToStatement(MediaInbox inbox,
        ClaimsPrincipal user, Guid id, Guid itemId, CancellationToken cancellationToken)
    {
        var (made, refusal) = await inbox.ToStatementAsync(id, itemId, user.Viewer(), cancellationToken);
        if (made is null) return Refused(refusal!);
        var response = new MadeFromItemResponse(made.Id, $"/campaigns/{id}#statements");
        return made.Created ? TypedResults.Created(response.Url, response) : TypedResults.Ok(response);
    }

    private static ProblemHttpResult Refused(Refusal refusal) => refusal.Problem(refusal.Code switch
    {
        MediaProblem.FeedNotFound or MediaProblem.CampaignNotFound or MediaProblem.ItemNotFound => StatusCodes.Status404NotFound,
        MediaProblem.MayNotManageFeeds or MediaProblem.MayNotChange or ReportInputProblem.NoOrganisation => StatusCodes.Status403Forbidden,
        MediaProblem.AlreadySubscribed or ReportInputProblem.ClientIdTaken => StatusCodes.Status409Conflict,
        Spean.Core.Campaigns.Statements.StatementProblem.StatementNotFound => StatusCodes.Status404NotFound,
        Spean.Core.Campaigns.Statements.StatementProblem.MayNotChange => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    });

    private static FeedResponse Response(MediaFeed f) => new(f.Id, f.Url, f.Title, f.AddedAt, f.LastPolledAt, f.LastSucceededAt, f.LastProblem?.ToString(),
        f.LastProblemDetail, f.LastSkippedItems);

    private static FeedPollResponse Response(FeedPoll p) => new(p.FeedId, p.NewItems, p.Matches, p.Skipped, p.Problem?.ToString(), p.Detail);
}
