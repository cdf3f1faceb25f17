using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spean.Core.Notifications;
using Spean.Web.Accounts;
using Spean.Web.Infrastructure;

namespace Spean.Web.Notifications;

/// <param name="Link">A path inside Spean ("/reports/…"), or null.</param>
public sealed record NotificationResponse(Guid Id, string Topic, string TitleEn, string TitleKm, string? Link, DateTime CreatedAt, DateTime? ReadAt);

/// <param name="Total">How many match (all, or the unread ones with unread=true); <paramref name="Unread"/> counts every unread one.</param>
public sealed record NotificationListResponse(IReadOnlyList<NotificationResponse> Items, int Total, int Unread, int Page, int PageSize);

public sealed record MarkedResponse(int Marked);

/// <param name="Topic">The topic's key, as listed by GET …/preferences.</param>
public sealed record TopicPreferenceResponse(string Topic, string NameEn, string NameKm, bool InApp, bool Email, bool EmailByDefault);

public sealed record TopicPreferenceRequest(string? Topic, bool InApp, bool Email);

public sealed record PreferencesRequest(IReadOnlyList<TopicPreferenceRequest>? Topics);

/// <summary>The caller's own notifications and choices; nobody reads or marks another's, whatever their role.</summary>
internal static class NotificationsApi
{
    public const string Path = "/api/v1/notifications";

    public static void MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Path).WithTags("Notifications").RequireAuthorization(Policies.SignedIn);
        api.MapGet("/", List)
            .WithSummary("Your notifications, newest first (unread=true for the unread ones only; page, pageSize up to 100), with how many are unread.");
        api.MapPost("/{id:guid}/read", MarkRead)
            .WithSummary("Mark one of your notifications read; another user's answers 404 like one that does not exist.");
        api.MapPost("/read-all", MarkAllRead)
            .WithSummary("Mark all your notifications read; answers how many were unread.");
        api.MapGet("/preferences", Preferences)
            .WithSummary("Every notification topic with what you receive of it: in the app, by e-mail. A topic you never chose follows its defaults.");
        api.MapPut("/preferences", SavePreferences)
            .WithSummary("Choose, per topic, whether you receive it in the app and by e-mail; topics not listed keep your earlier choice.");
    }

    private static async Task<Results<Ok<NotificationListResponse>, ProblemHttpResult>> List(
        NotificationInbox inbox, ClaimsPrincipal user, bool? unread, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (page is < 1)
            return TypedResults.Problem("'page' starts at 1.", statusCode: StatusCodes.Status400BadRequest);
        if (pageSize is < 1 or > NotificationInbox.MaxPageSize)
            return TypedResults.Problem($"'pageSize' is between 1 and {NotificationInbox.MaxPageSize}.", statusCode: StatusCodes.Status400BadRequest);
        var (p, size) = (page ?? 1, pageSize ?? 50);
        var list = await inbox.ListAsync(user.UserId()!.Value, unread ?? false, p, size, cancellationToken);
        return TypedResults.Ok(new NotificationListResponse([.. list.Items.Select(Response)], list.Total, list.Unread, p, size));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkRead(
        NotificationInbox inbox, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken) =>
        await inbox.MarkReadAsync(user.UserId()!.Value, id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem($"You have no notification with the id '{id}'. Take the id from GET {Path}.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<Ok<MarkedResponse>> MarkAllRead(NotificationInbox inbox, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(new MarkedResponse(await inbox.MarkAllReadAsync(user.UserId()!.Value, cancellationToken)));

    private static async Task<Ok<IReadOnlyList<TopicPreferenceResponse>>> Preferences(
        NotificationPreferences preferences, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(PreferenceResponses(await preferences.ForAsync(user.UserId()!.Value, cancellationToken)));

    private static async Task<Results<Ok<IReadOnlyList<TopicPreferenceResponse>>, ProblemHttpResult>> SavePreferences(
        NotificationPreferences preferences, ClaimsPrincipal user, PreferencesRequest request, CancellationToken cancellationToken)
    {
        if (request.Topics is null || request.Topics.Any(t => string.IsNullOrWhiteSpace(t.Topic)))
            return TypedResults.Problem("Give 'topics': a list of { topic, inApp, email }, each with the topic's key from GET " + Path + "/preferences.",
                statusCode: StatusCodes.Status400BadRequest);
        var userId = user.UserId()!.Value;
        if (await preferences.SaveAsync(userId, [.. request.Topics.Select(t => new TopicChoiceInput(t.Topic!, t.InApp, t.Email))], cancellationToken) is { } refusal)
            return refusal.Problem(StatusCodes.Status400BadRequest);
        return TypedResults.Ok(PreferenceResponses(await preferences.ForAsync(userId, cancellationToken)));
    }

    private static IReadOnlyList<TopicPreferenceResponse> PreferenceResponses(IReadOnlyList<TopicChoice> choices) =>
        [.. choices.Select(c => new TopicPreferenceResponse(c.Topic.Key, c.Topic.NameEn, c.Topic.NameKm, c.InApp, c.Email, c.Topic.EmailByDefault))];

    private static NotificationResponse Response(NotificationView n) =>
        new(n.Id, n.Topic, n.TitleEn, n.TitleKm, NotificationLinks.IsInApp(n.Link) ? n.Link : null, n.CreatedAt, n.ReadAt);
}
