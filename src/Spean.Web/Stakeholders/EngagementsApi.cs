using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spean.Core;
using Spean.Core.Stakeholders.Engagements;
using Spean.Core.Stakeholders.Register;
using Spean.Core.Stakeholders.Relationships;
using Spean.Web.Accounts;
using Spean.Web.Infrastructure;
using static Spean.Web.Stakeholders.StakeholdersApi;

namespace Spean.Web.Stakeholders;

internal static class EngagementsApi
{
    public static void MapEngagementsApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup(StakeholdersApi.Path).WithTags("Stakeholders").AllowAnonymous().RequireRateLimiting(ApiConventions.PublicApiLimit);
        open.MapGet("/{id:guid}/engagements", ForStakeholder).WithSummary(
            "Every engagement with a stakeholder that the caller may see, latest first, and the follow-ups still pending. " +
            "A participant the caller may not see is only marked restricted.");
        open.MapGet("/engagements/{id:guid}", Get).WithSummary("One engagement: participants, organisations, topics, linked recommendations, reports and campaigns, follow-ups.");
        open.MapGet("/{id:guid}/graph", Graph).WithSummary(
            "The stakeholder's neighbours one or two ties away (depth=1|2) and the typed ties between them; only stakeholders the caller may see, and only ties between them.");

        var members = app.MapGroup(StakeholdersApi.Path).WithTags("Stakeholders").RequireAuthorization(Policies.Member);
        members.MapPost("/engagements", Record).WithSummary(
            "Record a meeting, call, letter, event or statement with people and organisations of the register, what was agreed (stored encrypted) and follow-ups.");
        members.MapPost("/engagements/{id:guid}/follow-ups", AddFollowUp).WithSummary("Add a follow-up (action, owner user id, due date) to an engagement.");
        members.MapPost("/relationships", Relate).WithSummary("Record that one stakeholder is a member of, works with, funds, reports to or opposes another.");
        members.MapDelete("/relationships/{id:guid}", Unrelate).WithSummary("Remove a relationship (members of the organisation that recorded it).");

        var signedIn = app.MapGroup(StakeholdersApi.Path).WithTags("Stakeholders").RequireAuthorization(Policies.SignedIn);
        signedIn.MapGet("/follow-ups", Pending).WithSummary("Your follow-ups not done yet, soonest due first.");
        signedIn.MapPut("/follow-ups/{id:guid}/done", Done).WithSummary("Mark a follow-up done or not done (its owner, or whoever may change the engagement).");
    }

    private static async Task<Results<Ok<StakeholderEngagementsResponse>, ProblemHttpResult>> ForStakeholder(
        StakeholderRegister register, EngagementLog log, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var viewer = user.Viewer();
        if (await register.FindAsync(id, viewer, cancellationToken) is null) return NoSuchStakeholder();
        var engagements = await log.ForStakeholderAsync(id, viewer, cancellationToken);
        return TypedResults.Ok(new StakeholderEngagementsResponse(
            [.. engagements.Select(EngagementResponse.Of)],
            [.. engagements.SelectMany(e => e.FollowUps).Where(f => !f.Done).OrderBy(f => f.Due).Select(FollowUpResponse.Of)]));
    }

    private static async Task<Results<Ok<EngagementResponse>, ProblemHttpResult>> Get(EngagementLog log, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken) =>
        await log.ViewAsync(id, user.Viewer(), cancellationToken) is { } view ? TypedResults.Ok(EngagementResponse.Of(view)) : NoSuchEngagement();

    private static async Task<Results<Created<EngagementResponse>, ValidationProblem, ProblemHttpResult>> Record(
        EngagementLog log, ClaimsPrincipal user, EngagementRequest request, CancellationToken cancellationToken)
    {
        var viewer = user.Viewer();
        var outcome = await log.RecordAsync(request.Input(), viewer, cancellationToken);
        if (outcome.Value is not { } saved) return AsProblem(outcome.Refusal!) is { } problem ? problem : outcome.Refusals.Invalid();
        return TypedResults.Created($"{StakeholdersApi.Path}/engagements/{saved.Id}", EngagementResponse.Of((await log.ViewAsync(saved.Id, viewer, cancellationToken))!));
    }

    private static async Task<Results<Created<EngagementResponse>, ValidationProblem, ProblemHttpResult>> AddFollowUp(
        EngagementLog log, ClaimsPrincipal user, Guid id, FollowUpRequest request, CancellationToken cancellationToken)
    {
        var viewer = user.Viewer();
        var outcome = await log.AddFollowUpAsync(id, request.Input(), viewer, cancellationToken);
        if (outcome.Refused) return AsProblem(outcome.Refusal!) is { } problem ? problem : outcome.Refusals.Invalid();
        return TypedResults.Created($"{StakeholdersApi.Path}/engagements/{id}", EngagementResponse.Of((await log.ViewAsync(id, viewer, cancellationToken))!));
    }

    private static async Task<Ok<List<FollowUpResponse>>> Pending(EngagementLog log, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok((await log.PendingForAsync(user.Viewer(), cancellationToken)).Select(FollowUpResponse.Of).ToList());

    private static async Task<Results<NoContent, ProblemHttpResult>> Done(
        EngagementLog log, ClaimsPrincipal user, Guid id, DoneRequest request, CancellationToken cancellationToken)
    {
        var refusal = await log.SetDoneAsync(id, request.Done, user.Viewer(), cancellationToken);
        return refusal is null ? TypedResults.NoContent() : AsProblem(refusal)!;
    }

    private static async Task<Results<Ok<GraphResponse>, ProblemHttpResult>> Graph(
        RelationshipGraph graph, ClaimsPrincipal user, Guid id, int? depth, CancellationToken cancellationToken)
    {
        if (depth is not (null or 1 or 2)) return BadRequest("'depth' is 1 or 2.");
        if (await graph.AroundAsync(id, depth ?? 1, user.Viewer(), cancellationToken) is not { } around) return NoSuchStakeholder();
        static GraphNode Node(StakeholderSummary s, int distance) => new(s.Id, s.Kind.ToString(), s.NameLatin, s.NameKhmer, distance);
        return TypedResults.Ok(new GraphResponse(Node(around.Centre, 0), [.. around.Nodes.Select(n => Node(n.Node, n.Distance))],
            [.. around.Edges.Select(e => new RelationshipResponse(e.Id, e.FromId, e.ToId, e.Type.ToString()))]));
    }

    private static async Task<Results<Created<RelationshipResponse>, ProblemHttpResult>> Relate(
        RelationshipGraph graph, ClaimsPrincipal user, RelationshipRequest request, CancellationToken cancellationToken)
    {
        var (saved, refusal) = await graph.AddAsync(request.FromId, request.ToId, request.Type, user.Viewer(), cancellationToken);
        if (saved is null)
            return refusal!.Problem(refusal!.Code switch
            {
                RelationshipProblem.MayNotAdd => StatusCodes.Status403Forbidden,
                RelationshipProblem.AlreadyRelated => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            });
        return TypedResults.Created($"{StakeholdersApi.Path}/{saved.FromId}/graph", new RelationshipResponse(saved.Id, saved.FromId, saved.ToId, saved.Type.ToString()));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Unrelate(RelationshipGraph graph, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken) =>
        await graph.RemoveAsync(id, user.Viewer(), cancellationToken) is { } refusal
            ? refusal.Problem(refusal.Code is RelationshipProblem.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden)
            : TypedResults.NoContent();

    private static ProblemHttpResult NoSuchEngagement() =>
        TypedResults.Problem("There is no engagement with that id that you may see.", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult? AsProblem(Refusal refusal) => refusal.Code switch
    {
        EngagementProblem.NotFound => NoSuchEngagement(),
        EngagementProblem.FollowUpNotFound => TypedResults.Problem(refusal.Message, statusCode: StatusCodes.Status404NotFound),
        EngagementProblem.MayNotRecord or EngagementProblem.MayNotEdit => refusal.Problem(StatusCodes.Status403Forbidden),
        _ => null,
    };
}
