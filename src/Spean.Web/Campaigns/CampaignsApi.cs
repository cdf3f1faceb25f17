using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spean.Core;
using Spean.Core.Campaigns;
using Spean.Core.Campaigns.Dates;
using Spean.Core.Campaigns.Templates;
using Spean.Web.Accounts;
using Spean.Web.Infrastructure;

namespace Spean.Web.Campaigns;

/// <param name="Confidentiality">Network (every signed-in user) or Organisation (the owner's and members' people).</param>
public sealed record CampaignSummary(Guid Id, string NameEn, string NameKm, string Confidentiality, Guid OrganisationId, string? Template,
    bool FollowsMineBan, bool FollowsClusterMunitions);

public sealed record MeasurementResponse(DateOnly Date, decimal Value, string? Note);

public sealed record IndicatorResponse(Guid Id, string NameEn, string NameKm, decimal Baseline, decimal Target, IReadOnlyList<MeasurementResponse> Measurements);

/// <param name="TargetStakeholderIds">People and organisations of the stakeholder register.</param>
public sealed record ActionResponse(Guid Id, Guid ObjectiveId, string TitleEn, string TitleKm, string Level, string Status, Guid? OwnerUserId,
    Guid? OwnerOrganisationId, DateOnly? Due, decimal? CostAmount, string? CostCurrency, IReadOnlyList<Guid> TargetStakeholderIds);

public sealed record ObjectiveResponse(Guid Id, string TitleEn, string TitleKm, IReadOnlyList<ActionResponse> Actions, IReadOnlyList<IndicatorResponse> Indicators);

public sealed record GoalResponse(Guid Id, string TitleEn, string TitleKm, IReadOnlyList<ObjectiveResponse> Objectives);

public sealed record CampaignResponse(CampaignSummary Campaign, string KeywordsEn, string KeywordsKm, IReadOnlyList<Guid> MemberOrganisationIds,
    IReadOnlyList<Guid> MemberUserIds, IReadOnlyList<GoalResponse> Goals, bool MayChange, bool MayApprove);

public sealed record TemplateResponse(string Key, string NameEn, string NameKm, string DescriptionEn, string DescriptionKm, string Source, int Goals,
    int Objectives, int Actions);

/// <param name="Template">A template key from GET /api/v1/campaigns/templates: its goals, objectives, actions and indicators are copied.</param>
/// <param name="Confidentiality">Network (default) or Organisation.</param>
public sealed record StartCampaignRequest(string? NameEn = null, string? NameKm = null, string? Confidentiality = null, string? Template = null);

/// <param name="Level">Local, Provincial, National or International.</param>
/// <param name="CostCurrency">ISO 4217 (USD, KHR), required with a cost.</param>
public sealed record NewActionRequest(Guid ObjectiveId, string? TitleEn, string? TitleKm, string? Level = null, DateOnly? Due = null,
    Guid? OwnerUserId = null, Guid? OwnerOrganisationId = null, decimal? CostAmount = null, string? CostCurrency = null,
    IReadOnlyList<Guid>? TargetStakeholderIds = null);

/// <param name="Status">Planned, InProgress, Done or Cancelled.</param>
public sealed record ActionStatusRequest(string? Status);

public sealed record MeasurementRequest(DateOnly Date, decimal Value, string? Note = null);

public sealed record CalendarEventResponse(string Uid, string Category, string TitleEn, string TitleKm, DateOnly Date, string? Link);

internal static class CampaignsApi
{
    internal const string Path = "/api/v1/campaigns";

    public static void MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var signedIn = app.MapGroup(Path).WithTags("Campaigns").RequireAuthorization(Policies.SignedIn);
        signedIn.MapGet("/", List).WithSummary("The campaigns you may see, by name.");
        signedIn.MapGet("/templates", Templates).WithSummary("The shipped campaign templates (from the network's own plans), in English and Khmer.");
        signedIn.MapGet("/{id:guid}", Get).WithSummary("A campaign's plan: goals, objectives, actions and indicators with their measurements.");
        signedIn.MapGet("/{id:guid}/calendar", Calendar)
            .WithSummary("A campaign's due actions between from and to (default: the coming twelve months), with the shipped anniversaries.");
        var members = app.MapGroup(Path).WithTags("Campaigns").RequireAuthorization(Policies.Member);
        members.MapPost("/", Start)
            .WithSummary("Start a campaign for your organisation, empty or from a template (the template's plan is copied; the template is not changed).");
        members.MapPost("/{id:guid}/actions", AddAction).WithSummary("Add an action to one of the campaign's objectives.");
        members.MapPut("/{id:guid}/actions/{actionId:guid}/status", SetStatus).WithSummary("Set an action's status (Planned, InProgress, Done, Cancelled).");
        members.MapPost("/{id:guid}/indicators/{indicatorId:guid}/measurements", Measure).WithSummary("Record an indicator's value on a date.");
    }

    private static async Task<Ok<IReadOnlyList<CampaignSummary>>> List(CampaignPlans plans, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<CampaignSummary>>([.. (await plans.ListAsync(user.Viewer(), cancellationToken)).Select(Summary)]);

    private static Ok<IReadOnlyList<TemplateResponse>> Templates(CampaignTemplates templates) =>
        TypedResults.Ok<IReadOnlyList<TemplateResponse>>([.. templates.All.Select(t => new TemplateResponse(t.Key, t.NameEn, t.NameKm, t.DescriptionEn,
            t.DescriptionKm, t.Source, t.Goals.Count, t.Goals.Sum(g => g.Objectives.Count), t.Goals.Sum(g => g.Objectives.Sum(o => o.Actions.Count))))]);

    private static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> Get(CampaignPlans plans, ClaimsPrincipal user, Guid id,
        CancellationToken cancellationToken)
    {
        var viewer = user.Viewer();
        return await plans.FindAsync(id, viewer, cancellationToken) is { } campaign
            ? TypedResults.Ok(Response(campaign, CampaignAccess.MayChange(campaign, viewer), CampaignAccess.MayApprove(campaign, viewer)))
            : NotFound(id);
    }

    private static async Task<Results<Ok<IReadOnlyList<CalendarEventResponse>>, ProblemHttpResult>> Calendar(CampaignPlans plans, CampaignDates dates,
        Anniversaries anniversaries, TimeProvider time, ClaimsPrincipal user, Guid id, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        if (await plans.FindAsync(id, user.Viewer(), cancellationToken) is null) return NotFound(id);
        var first = from ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var last = to ?? first.AddYears(1);
        if (last < first || last > first.AddYears(5))
            return Problem(CampaignProblem.InvalidValue, "Ask for at most five years at a time, with 'to' after 'from'.", StatusCodes.Status400BadRequest);
        var events = (await dates.ForCampaignAsync(id, first, last, cancellationToken))
            .Concat(anniversaries.Between(first, last).Select(a => CampaignDates.Anniversary(a.Anniversary, a.Date)))
            .OrderBy(e => e.Date).Select(e => new CalendarEventResponse(e.Uid, e.Category, e.TitleEn, e.TitleKm, e.Date, e.Link));
        return TypedResults.Ok<IReadOnlyList<CalendarEventResponse>>([.. events]);
    }

    private static async Task<Results<Created<CampaignResponse>, ProblemHttpResult>> Start(CampaignPlans plans, ClaimsPrincipal user,
        StartCampaignRequest request, CancellationToken cancellationToken)
    {
        if (!EnumNames.TryParseOptional<CampaignConfidentiality>(request.Confidentiality, out var confidentiality))
            return Problem(CampaignProblem.InvalidValue, $"The confidentiality '{request.Confidentiality}' is not Network or Organisation.",
                StatusCodes.Status400BadRequest);
        var viewer = user.Viewer();
        var (campaign, refusal) = await plans.StartAsync(
            new NewCampaign(request.NameEn, request.NameKm, confidentiality ?? CampaignConfidentiality.Network, request.Template), viewer, cancellationToken);
        if (campaign is null) return Refused(refusal!);
        var full = await plans.FindAsync(campaign.Id, viewer, cancellationToken);
        return TypedResults.Created($"{Path}/{campaign.Id}", Response(full!, true, CampaignAccess.MayApprove(full!, viewer)));
    }

    private static async Task<Results<Created<ActionResponse>, ValidationProblem, ProblemHttpResult>> AddAction(CampaignPlans plans, ClaimsPrincipal user, Guid id,
        NewActionRequest request, CancellationToken cancellationToken)
    {
        if (!EnumNames.TryParseOptional<ActionLevel>(request.Level, out var level))
            return Problem(CampaignProblem.InvalidValue, $"The level '{request.Level}' is not Local, Provincial, National or International.",
                StatusCodes.Status400BadRequest);
        var added = await plans.AddActionAsync(id, new NewAction(request.ObjectiveId, request.TitleEn, request.TitleKm,
            level ?? ActionLevel.National, request.Due, request.OwnerUserId, request.OwnerOrganisationId, request.CostAmount, request.CostCurrency,
            request.TargetStakeholderIds), user.Viewer(), cancellationToken);
        if (added.Refused)
            return added.Refusals.All(r => r.Field is not null) ? added.Refusals.Invalid() : Refused(added.Refusal!);
        return TypedResults.Created($"{Path}/{id}#action-{added.Value.Id}", Response(added.Value));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetStatus(CampaignPlans plans, ClaimsPrincipal user, Guid id, Guid actionId,
        ActionStatusRequest request, CancellationToken cancellationToken)
    {
        if (!EnumNames.TryParse<ActionStatus>(request.Status, out var status))
            return Problem(CampaignProblem.InvalidValue, $"The status '{request.Status}' is not Planned, InProgress, Done or Cancelled.",
                StatusCodes.Status400BadRequest);
        return await plans.SetStatusAsync(id, actionId, status, user.Viewer(), cancellationToken) is { } refusal ? Refused(refusal) : TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Measure(CampaignPlans plans, ClaimsPrincipal user, Guid id, Guid indicatorId,
        MeasurementRequest request, CancellationToken cancellationToken) =>
        await plans.MeasureAsync(id, indicatorId, request.Date, request.Value, request.Note, user.Viewer(), cancellationToken) is { } refusal
            ? Refused(refusal)
            : TypedResults.NoContent();

    internal static ProblemHttpResult Refused(Refusal refusal) => refusal.Problem(refusal.Code switch
    {
        CampaignProblem.CampaignNotFound or CampaignProblem.ObjectiveNotFound or CampaignProblem.ActionNotFound or CampaignProblem.IndicatorNotFound
            or CampaignProblem.GoalNotFound or CampaignProblem.MemberNotFound => StatusCodes.Status404NotFound,
        CampaignProblem.MayNotChange or CampaignProblem.NoOrganisation or CampaignProblem.MayNotGovern => StatusCodes.Status403Forbidden,
        CampaignProblem.OwnerStays => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    });

    internal static ProblemHttpResult Problem(Enum code, string message, int status) => new Refusal(code, message).Problem(status);

    private static ProblemHttpResult NotFound(Guid id) =>
        Problem(CampaignProblem.CampaignNotFound, $"No campaign you may see has the id '{id}'. Check the link.", StatusCodes.Status404NotFound);

    internal static CampaignSummary Summary(Campaign c) => new(c.Id, c.NameEn, c.NameKm, c.Confidentiality.ToString(), c.OrganisationId, c.Template,
        c.FollowsMineBan, c.FollowsClusterMunitions);

    internal static ActionResponse Response(CampaignAction a) => new(a.Id, a.ObjectiveId, a.TitleEn, a.TitleKm, a.Level.ToString(), a.Status.ToString(),
        a.OwnerUserId, a.OwnerOrganisationId, a.Due, a.CostAmount, a.CostCurrency, a.TargetStakeholderIds);

    private static CampaignResponse Response(Campaign c, bool mayChange, bool mayApprove) => new(Summary(c), c.KeywordsEn, c.KeywordsKm,
        [.. c.Members.Where(m => m.OrganisationId != null).Select(m => m.OrganisationId!.Value)],
        [.. c.Members.Where(m => m.UserId != null).Select(m => m.UserId!.Value)],
        [.. c.Goals.OrderBy(g => g.Order).Select(Response)], mayChange, mayApprove);

    internal static GoalResponse Response(Goal g) => new(g.Id, g.TitleEn, g.TitleKm, [.. g.Objectives.OrderBy(o => o.Order).Select(Response)]);

    internal static ObjectiveResponse Response(Objective o) => new(o.Id, o.TitleEn, o.TitleKm, [.. o.Actions.OrderBy(a => a.Order).Select(Response)],
        [.. o.Indicators.Select(Response)]);

    internal static IndicatorResponse Response(Indicator i) => new(i.Id, i.NameEn, i.NameKm, i.Baseline, i.Target,
        [.. i.Measurements.OrderBy(m => m.Date).Select(m => new MeasurementResponse(m.Date, m.Value, m.Note))]);
}
