using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spean.Core;
using Spean.Core.Campaigns;
using Spean.Web.Accounts;
using Spean.Web.Infrastructure;

namespace Spean.Web.Campaigns;

/// <param name="Confidentiality">Network or Organisation; only the owning organisation's members and above change it. Left out: unchanged.</param>
/// <param name="KeywordsEn">Comma-separated words the media inbox matches. Left out: unchanged.</param>
/// <param name="FollowsMineBan">Whether a State joining the Mine Ban Treaty notifies the members and drafts a welcome statement. Left out: unchanged.</param>
public sealed record CampaignSettingsRequest(string? NameEn, string? NameKm, string? Confidentiality = null, string? KeywordsEn = null,
    string? KeywordsKm = null, bool? FollowsMineBan = null, bool? FollowsClusterMunitions = null);

/// <summary>Exactly one of the two.</summary>
public sealed record MemberRequest(Guid? OrganisationId = null, Guid? UserId = null);

public sealed record MemberResponse(Guid Id, Guid? OrganisationId, Guid? UserId);

public sealed record PlanTitleRequest(string? TitleEn, string? TitleKm);

public sealed record IndicatorRequest(string? NameEn, string? NameKm, decimal? Baseline, decimal? Target);

/// <param name="Level">Local, Provincial, National or International.</param>
/// <param name="CostCurrency">ISO 4217 (USD, KHR), required with a cost.</param>
/// <param name="TargetStakeholderIds">Entries of the stakeholder register you may see; the whole list replaces the one before.</param>
public sealed record ActionRequest(string? TitleEn, string? TitleKm, string? Level = null, DateOnly? Due = null, Guid? OwnerUserId = null,
    Guid? OwnerOrganisationId = null, decimal? CostAmount = null, string? CostCurrency = null, IReadOnlyList<Guid>? TargetStakeholderIds = null);

/// <param name="Direction">Up or Down.</param>
public sealed record MoveRequest(string? Direction);

/// <summary>Changing a started campaign: its name, keywords and readers, its members, and each goal, objective, action and indicator.</summary>
internal static class CampaignEditApi
{
    public static void MapCampaignEditApi(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup(CampaignsApi.Path).WithTags("Campaigns").RequireAuthorization(Policies.Member);
        members.MapPut("/{id:guid}", Update)
            .WithSummary("Change a campaign's name, keywords and confidentiality (confidentiality: the owning organisation's members and above).");
        members.MapPost("/{id:guid}/members", AddMember)
            .WithSummary("Add a partner organisation or a user to the campaign (the owning organisation's members and above).");
        members.MapDelete("/{id:guid}/members/{memberId:guid}", RemoveMember)
            .WithSummary("Remove a partner organisation or a user from the campaign; the owning organisation stays.");
        members.MapPost("/{id:guid}/goals", AddGoal).WithSummary("Add a goal at the end of the campaign's plan.");
        members.MapPut("/{id:guid}/goals/{goalId:guid}", EditGoal).WithSummary("Change a goal's title.");
        members.MapPost("/{id:guid}/goals/{goalId:guid}/objectives", AddObjective).WithSummary("Add an objective at the end of a goal.");
        members.MapPut("/{id:guid}/objectives/{objectiveId:guid}", EditObjective).WithSummary("Change an objective's title.");
        members.MapPut("/{id:guid}/actions/{actionId:guid}", EditAction)
            .WithSummary("Change an action: title, owner, level, target stakeholders, due date and cost. Its status is set apart.");
        members.MapPost("/{id:guid}/objectives/{objectiveId:guid}/indicators", AddIndicator).WithSummary("Add an indicator with its baseline and target.");
        members.MapPut("/{id:guid}/indicators/{indicatorId:guid}", EditIndicator).WithSummary("Change an indicator's name, baseline and target.");
        members.MapDelete("/{id:guid}/goals/{goalId:guid}", RemoveGoal).WithSummary("Remove a goal with its objectives, actions and indicators.");
        members.MapDelete("/{id:guid}/objectives/{objectiveId:guid}", RemoveObjective).WithSummary("Remove an objective with its actions and indicators.");
        members.MapDelete("/{id:guid}/actions/{actionId:guid}", RemoveAction).WithSummary("Remove an action.");
        members.MapDelete("/{id:guid}/indicators/{indicatorId:guid}", RemoveIndicator).WithSummary("Remove an indicator with its measurements.");
        members.MapPost("/{id:guid}/goals/{goalId:guid}/move", MoveGoal).WithSummary("Move a goal one place up or down in the plan.");
        members.MapPost("/{id:guid}/objectives/{objectiveId:guid}/move", MoveObjective).WithSummary("Move an objective one place up or down in its goal.");
        members.MapPost("/{id:guid}/actions/{actionId:guid}/move", MoveAction).WithSummary("Move an action one place up or down in its objective.");
    }

    private static async Task<Results<Ok<CampaignSummary>, ValidationProblem, ProblemHttpResult>> Update(CampaignEditor editor, ClaimsPrincipal user, Guid id,
        CampaignSettingsRequest request, CancellationToken cancellationToken)
    {
        if (!EnumNames.TryParseOptional<CampaignConfidentiality>(request.Confidentiality, out var confidentiality))
            return Field("confidentiality", $"The confidentiality '{request.Confidentiality}' is not Network or Organisation.");
        var updated = await editor.UpdateAsync(id, new CampaignSettings(request.NameEn, request.NameKm, confidentiality, request.KeywordsEn, request.KeywordsKm,
            request.FollowsMineBan, request.FollowsClusterMunitions),
            user.Viewer(), cancellationToken);
        if (updated.Refused) return Fields(updated.Refusals) is { } invalid ? invalid : Status(updated.Refusal!);
        return TypedResults.Ok(CampaignsApi.Summary(updated.Value));
    }

    private static async Task<Results<Created<MemberResponse>, ValidationProblem, ProblemHttpResult>> AddMember(CampaignEditor editor, ClaimsPrincipal user,
        Guid id, MemberRequest request, CancellationToken cancellationToken)
    {
        var added = await editor.AddMemberAsync(id, request.OrganisationId, request.UserId, user.Viewer(), cancellationToken);
        if (added.Refused) return Fields(added.Refusals) is { } invalid ? invalid : Status(added.Refusal!);
        return TypedResults.Created($"{CampaignsApi.Path}/{id}", new MemberResponse(added.Value.Id, added.Value.OrganisationId, added.Value.UserId));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveMember(CampaignEditor editor, ClaimsPrincipal user, Guid id, Guid memberId,
        CancellationToken cancellationToken) =>
        await editor.RemoveMemberAsync(id, memberId, user.Viewer(), cancellationToken) is { } refusal ? Status(refusal) : TypedResults.NoContent();

    private static async Task<Results<Created<GoalResponse>, ValidationProblem, ProblemHttpResult>> AddGoal(CampaignEditor editor, ClaimsPrincipal user,
        Guid id, PlanTitleRequest request, CancellationToken cancellationToken)
    {
        var added = await editor.AddGoalAsync(id, new PlanTitle(request.TitleEn, request.TitleKm), user.Viewer(), cancellationToken);
        if (added.Refused) return Fields(added.Refusals) is { } invalid ? invalid : Status(added.Refusal!);
        return TypedResults.Created($"{CampaignsApi.Path}/{id}", CampaignsApi.Response(added.Value));
    }

    private static async Task<Results<Ok<GoalResponse>, ValidationProblem, ProblemHttpResult>> EditGoal(CampaignEditor editor, ClaimsPrincipal user,
        Guid id, Guid goalId, PlanTitleRequest request, CancellationToken cancellationToken)
    {
        var edited = await editor.EditGoalAsync(id, goalId, new PlanTitle(request.TitleEn, request.TitleKm), user.Viewer(), cancellationToken);
        if (edited.Refused) return Fields(edited.Refusals) is { } invalid ? invalid : Status(edited.Refusal!);
        return TypedResults.Ok(CampaignsApi.Response(edited.Value));
    }

    private static async Task<Results<Created<ObjectiveResponse>, ValidationProblem, ProblemHttpResult>> AddObjective(CampaignEditor editor,
        ClaimsPrincipal user, Guid id, Guid goalId, PlanTitleRequest request, CancellationToken cancellationToken)
    {
        var added = await editor.AddObjectiveAsync(id, goalId, new PlanTitle(request.TitleEn, request.TitleKm), user.Viewer(), cancellationToken);
        if (added.Refused) return Fields(added.Refusals) is { } invalid ? invalid : Status(added.Refusal!);
        return TypedResults.Created($"{CampaignsApi.Path}/{id}", CampaignsApi.Response(added.Value));
    }

    private static async Task<Results<Ok<ObjectiveResponse>, ValidationProblem, ProblemHttpResult>> EditObjective(CampaignEditor editor,
        ClaimsPrincipal user, Guid id, Guid objectiveId, PlanTitleRequest request, CancellationToken cancellationToken)
    {
        var edited = await editor.EditObjectiveAsync(id, objectiveId, new PlanTitle(request.TitleEn, request.TitleKm), user.Viewer(), cancellationToken);
        if (edited.Refused) return Fields(edited.Refusals) is { } invalid ? invalid : Status(edited.Refusal!);
        return TypedResults.Ok(CampaignsApi.Response(edited.Value));
    }

    private static async Task<Results<Ok<ActionResponse>, ValidationProblem, ProblemHttpResult>> EditAction(CampaignEditor editor, ClaimsPrincipal user,
        Guid id, Guid actionId, ActionRequest request, CancellationToken cancellationToken)
    {
        if (!EnumNames.TryParseOptional<ActionLevel>(request.Level, out var level))
            return Field("level", $"The level '{request.Level}' is not Local, Provincial, National or International.");
        var edited = await editor.EditActionAsync(id, actionId, new ActionInput(request.TitleEn, request.TitleKm, level ?? ActionLevel.National, request.Due,
            request.OwnerUserId, request.OwnerOrganisationId, request.CostAmount, request.CostCurrency, request.TargetStakeholderIds), user.Viewer(), cancellationToken);
        if (edited.Refused) return Fields(edited.Refusals) is { } invalid ? invalid : Status(edited.Refusal!);
        return TypedResults.Ok(CampaignsApi.Response(edited.Value));
    }

    private static async Task<Results<Created<IndicatorResponse>, ValidationProblem, ProblemHttpResult>> AddIndicator(CampaignEditor editor,
        ClaimsPrincipal user, Guid id, Guid objectiveId, IndicatorRequest request, CancellationToken cancellationToken)
    {
        var added = await editor.AddIndicatorAsync(id, objectiveId, new IndicatorInput(request.NameEn, request.NameKm, request.Baseline, request.Target),
            user.Viewer(), cancellationToken);
        if (added.Refused) return Fields(added.Refusals) is { } invalid ? invalid : Status(added.Refusal!);
        return TypedResults.Created($"{CampaignsApi.Path}/{id}", CampaignsApi.Response(added.Value));
    }

    private static async Task<Results<Ok<IndicatorResponse>, ValidationProblem, ProblemHttpResult>> EditIndicator(CampaignEditor editor,
        ClaimsPrincipal user, Guid id, Guid indicatorId, IndicatorRequest request, CancellationToken cancellationToken)
    {
        var edited = await editor.EditIndicatorAsync(id, indicatorId, new IndicatorInput(request.NameEn, request.NameKm, request.Baseline, request.Target),
            user.Viewer(), cancellationToken);
        if (edited.Refused) return Fields(edited.Refusals) is { } invalid ? invalid : Status(edited.Refusal!);
        return TypedResults.Ok(CampaignsApi.Response(edited.Value));
    }

    private static Task<Results<NoContent, ProblemHttpResult>> RemoveGoal(CampaignEditor editor, ClaimsPrincipal user, Guid id, Guid goalId,
        CancellationToken cancellationToken) => Remove(editor, user, id, PlanItem.Goal, goalId, cancellationToken);

    private static Task<Results<NoContent, ProblemHttpResult>> RemoveObjective(CampaignEditor editor, ClaimsPrincipal user, Guid id, Guid objectiveId,
        CancellationToken cancellationToken) => Remove(editor, user, id, PlanItem.Objective, objectiveId, cancellationToken);

    private static Task<Results<NoContent, ProblemHttpResult>> RemoveAction(CampaignEditor editor, ClaimsPrincipal user, Guid id, Guid actionId,
        CancellationToken cancellationToken) => Remove(editor, user, id, PlanItem.Action, actionId, cancellationToken);

    private static Task<Results<NoContent, ProblemHttpResult>> RemoveIndicator(CampaignEditor editor, ClaimsPrincipal user, Guid id, Guid indicatorId,
        CancellationToken cancellationToken) => Remove(editor, user, id, PlanItem.Indicator, indicatorId, cancellationToken);

    private static Task<Results<NoContent, ProblemHttpResult>> MoveGoal(CampaignEditor editor, ClaimsPrincipal user, Guid id, Guid goalId,
        MoveRequest request, CancellationToken cancellationToken) => MoveItem(editor, user, id, PlanItem.Goal, goalId, request, cancellationToken);

    private static Task<Results<NoContent, ProblemHttpResult>> MoveObjective(CampaignEditor editor, ClaimsPrincipal user, Guid id, Guid objectiveId,
        MoveRequest request, CancellationToken cancellationToken) => MoveItem(editor, user, id, PlanItem.Objective, objectiveId, request, cancellationToken);

    private static Task<Results<NoContent, ProblemHttpResult>> MoveAction(CampaignEditor editor, ClaimsPrincipal user, Guid id, Guid actionId,
        MoveRequest request, CancellationToken cancellationToken) => MoveItem(editor, user, id, PlanItem.Action, actionId, request, cancellationToken);

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(CampaignEditor editor, ClaimsPrincipal user, Guid id, PlanItem kind, Guid itemId,
        CancellationToken cancellationToken) =>
        await editor.RemoveAsync(id, kind, itemId, user.Viewer(), cancellationToken) is { } refusal ? Status(refusal) : TypedResults.NoContent();

    private static async Task<Results<NoContent, ProblemHttpResult>> MoveItem(CampaignEditor editor, ClaimsPrincipal user, Guid id, PlanItem kind,
        Guid itemId, MoveRequest request, CancellationToken cancellationToken)
    {
        if (!EnumNames.TryParse<Move>(request.Direction, out var move))
            return CampaignsApi.Problem(CampaignProblem.InvalidValue, $"The direction '{request.Direction}' is not Up or Down.", StatusCodes.Status400BadRequest);
        return await editor.MoveAsync(id, kind, itemId, move, user.Viewer(), cancellationToken) is { } refusal ? Status(refusal) : TypedResults.NoContent();
    }

    /// <summary>Refusals about a form's fields; those about the campaign or the caller (not found, not allowed) keep their status.</summary>
    private static ValidationProblem? Fields(IReadOnlyList<Refusal> refusals) => refusals.All(r => r.Field is not null) ? refusals.Invalid() : null;

    private static ProblemHttpResult Status(Refusal refusal) => CampaignsApi.Refused(refusal);

    private static ValidationProblem Field(string field, string message) =>
        new Refusal[] { new(CampaignProblem.InvalidValue, message) { Field = field } }.Invalid();
}
