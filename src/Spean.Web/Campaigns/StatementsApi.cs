using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spean.Core;
using Spean.Core.Campaigns.Statements;
using Spean.Web.Accounts;
using Spean.Web.Infrastructure;

namespace Spean.Web.Campaigns;

/// <param name="Status">Draft, Approved or Published.</param>
/// <param name="Url">The public page, once published.</param>
public sealed record StatementResponse(Guid Id, Guid CampaignId, string TitleEn, string TitleKm, string BodyEn, string BodyKm, string Status,
    DateTime CreatedAt, DateTime? ApprovedAt, DateTime? PublishedAt, string? Url);

/// <summary>A published statement as anyone reads it.</summary>
public sealed record PublishedStatementResponse(string TitleEn, string TitleKm, string BodyEn, string BodyKm, DateTime PublishedAt, string Url);

public sealed record StatementRequest(string? TitleEn, string? TitleKm, string? BodyEn, string? BodyKm);

internal static class StatementsApi
{
    public static void MapStatementsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup(CampaignsApi.Path).WithTags("Campaigns").AllowAnonymous().RequireRateLimiting(ApiConventions.PublicApiLimit)
            .MapGet("/statements/published/{slug}", Published).WithSummary("A published statement in both languages, for anyone.");
        var signedIn = app.MapGroup(CampaignsApi.Path).WithTags("Campaigns").RequireAuthorization(Policies.SignedIn);
        signedIn.MapGet("/{id:guid}/statements", List).WithSummary("A campaign's statements, newest first: drafts, approved and published.");
        var members = app.MapGroup(CampaignsApi.Path).WithTags("Campaigns").RequireAuthorization(Policies.Member);
        members.MapPost("/{id:guid}/statements", Draft).WithSummary("Draft a statement in Khmer and English.");
        members.MapPut("/statements/{statementId:guid}", Edit)
            .WithSummary("Change a statement's text; an approved statement goes back to draft. A published one is not changed.");
        var coordinators = app.MapGroup(CampaignsApi.Path).WithTags("Campaigns").RequireAuthorization(Policies.Coordinator);
        coordinators.MapPost("/statements/{statementId:guid}/approval", Approve)
            .WithSummary("Approve a draft (a coordinator or administrator of the organisation that owns the campaign).");
        coordinators.MapPost("/statements/{statementId:guid}/publication", Publish)
            .WithSummary("Publish an approved statement at /statements/{slug}, readable by anyone with share links.");
    }

    private static async Task<Results<Ok<PublishedStatementResponse>, ProblemHttpResult>> Published(CampaignStatements statements, string slug,
        CancellationToken cancellationToken) =>
        await statements.PublishedAsync(slug, cancellationToken) is { } s
            ? TypedResults.Ok(new PublishedStatementResponse(s.TitleEn, s.TitleKm, s.BodyEn, s.BodyKm, s.PublishedAt!.Value, $"/statements/{s.Slug}"))
            : CampaignsApi.Problem(StatementProblem.StatementNotFound, $"No published statement is at '{slug}'. Check the link.", StatusCodes.Status404NotFound);

    private static async Task<Ok<IReadOnlyList<StatementResponse>>> List(CampaignStatements statements, ClaimsPrincipal user, Guid id,
        CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<StatementResponse>>([.. (await statements.ForCampaignAsync(id, user.Viewer(), cancellationToken)).Select(Response)]);

    private static async Task<Results<Created<StatementResponse>, ProblemHttpResult>> Draft(CampaignStatements statements, ClaimsPrincipal user, Guid id,
        StatementRequest request, CancellationToken cancellationToken)
    {
        var (statement, refusal) = await statements.DraftAsync(id, Text(request), user.Viewer(), cancellationToken);
        return statement is null ? Refused(refusal!) : TypedResults.Created($"{CampaignsApi.Path}/{id}/statements", Response(statement));
    }

    private static async Task<Results<Ok<StatementResponse>, ProblemHttpResult>> Edit(CampaignStatements statements, ClaimsPrincipal user,
        Guid statementId, StatementRequest request, CancellationToken cancellationToken) =>
        Done(await statements.EditAsync(statementId, Text(request), user.Viewer(), cancellationToken));

    private static async Task<Results<Ok<StatementResponse>, ProblemHttpResult>> Approve(CampaignStatements statements, ClaimsPrincipal user,
        Guid statementId, CancellationToken cancellationToken) =>
        Done(await statements.ApproveAsync(statementId, user.Viewer(), cancellationToken));

    private static async Task<Results<Ok<StatementResponse>, ProblemHttpResult>> Publish(CampaignStatements statements, ClaimsPrincipal user,
        Guid statementId, CancellationToken cancellationToken) =>
        Done(await statements.PublishAsync(statementId, user.Viewer(), cancellationToken));

    private static Results<Ok<StatementResponse>, ProblemHttpResult> Done(Outcome<Statement> result) =>
        result.Value is { } s ? TypedResults.Ok(Response(s)) : Refused(result.Refusal!);

    private static StatementText Text(StatementRequest r) => new(r.TitleEn, r.TitleKm, r.BodyEn, r.BodyKm);

    private static ProblemHttpResult Refused(Refusal refusal) => refusal.Problem(refusal.Code switch
    {
        StatementProblem.StatementNotFound => StatusCodes.Status404NotFound,
        StatementProblem.MayNotChange or StatementProblem.MayNotApprove => StatusCodes.Status403Forbidden,
        StatementProblem.NotDraft or StatementProblem.NotApproved => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    });

    internal static StatementResponse Response(Statement s) => new(s.Id, s.CampaignId, s.TitleEn, s.TitleKm, s.BodyEn, s.BodyKm, s.Status.ToString(),
        s.CreatedAt, s.ApprovedAt, s.PublishedAt, s.Slug is null ? null : $"/statements/{s.Slug}");
}
