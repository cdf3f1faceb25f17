using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Spean.Core;
using Spean.Core.Data;
using Spean.Core.Implementation.Assessments;
using Spean.Core.Implementation.Evidence;
using Spean.Web.Accounts;
using Spean.Web.Infrastructure;

namespace Spean.Web.Implementation.Assessments;

/// <summary>Evidence as the caller may see it; Restricted: a field report they may not read, shown with no title, id or link.</summary>
public sealed record EvidenceResponse(string Kind, bool Restricted, Guid? ReportId, string? Title, string? Url, DateOnly? Date);

/// <param name="Author">Absent for callers who are not signed in.</param>
public sealed record AssessmentResponse(
    Guid Id, Guid RecommendationId, Guid OrganisationId, string Organisation, bool Consolidated, string Status, DateOnly AsOf,
    string? NarrativeEn, string? NarrativeKm, bool Published, string? Author, DateTime RecordedAt, Guid? PreviousId, bool IsCurrent,
    IReadOnlyList<EvidenceResponse> Evidence);

public sealed record LinkedReportResponse(Guid Id, string Title, DateOnly OccurredFrom, string Status);

/// <param name="Counting">The assessment that speaks for the recommendation: the coalition's current one, else the latest current one.</param>
/// <param name="RestrictedReports">How many more reports are linked that the caller may not see.</param>
public sealed record RecommendationAssessmentsResponse(
    Guid RecommendationId, AssessmentResponse? Counting, bool Disagree, IReadOnlyList<AssessmentResponse> Current,
    IReadOnlyList<AssessmentResponse> History, IReadOnlyList<LinkedReportResponse> LinkedReports, int RestrictedReports);

public sealed record EvidenceRequest(string? Kind, Guid? ReportId = null, string? Url = null, string? Title = null, DateOnly? Date = null);

/// <summary>The same status, date, narrative and evidence for every recommendation listed, recorded in one transaction.</summary>
public sealed record AssessmentRequest(
    IReadOnlyList<Guid>? RecommendationIds, string? Status, DateOnly? AsOf, string? NarrativeEn = null, string? NarrativeKm = null,
    bool Consolidated = false, bool Published = false, IReadOnlyList<EvidenceRequest>? Evidence = null);

public sealed record RecordedResponse(IReadOnlyList<AssessmentResponse> Assessments);

public sealed record PublicationRequest(bool Published);

internal static class AssessmentsApi
{
    internal const string Path = "/api/v1/implementation";

    public static void MapAssessmentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup(Path).WithTags("Implementation").AllowAnonymous().RequireRateLimiting(ApiConventions.PublicApiLimit)
            .MapGet("/recommendations/{id:guid}/assessments", ForRecommendation)
            .WithSummary("A recommendation's assessments: the one that counts, each organisation's current one, the whole history, and its linked field reports. " +
                "Visitors who are not signed in see published assessments only; evidence from a report the caller may not see is only marked restricted.");
        app.MapGroup(Path).WithTags("Implementation").RequireAuthorization(Policies.Member)
            .MapPost("/assessments", Record)
            .WithSummary("Record an assessment (status, asOf, narrative, evidence) of one or many recommendations for your organisation, in one transaction; " +
                "consolidated (the coalition's) and published need a coordinator.");
        var coordinators = app.MapGroup(Path).WithTags("Implementation").RequireAuthorization(Policies.Coordinator);
        coordinators.MapPut("/assessments/{id:guid}/published", Publish)
            .WithSummary("Publish an assessment to visitors and the public scorecard, or take it back (coordinators).");
        var links = app.MapGroup(Path).WithTags("Implementation").RequireAuthorization(Policies.SignedIn);
        links.MapPut("/reports/{id:guid}/recommendations/{recommendationId:guid}", (ReportLinks l, ClaimsPrincipal u, Guid id, Guid recommendationId, CancellationToken c) =>
            Link(l.LinkRecommendationAsync(id, recommendationId, true, u.Viewer(), c)))
            .WithSummary("Link a report to a recommendation it is evidence of (the report's author or its reviewing coordinators).");
        links.MapDelete("/reports/{id:guid}/recommendations/{recommendationId:guid}", (ReportLinks l, ClaimsPrincipal u, Guid id, Guid recommendationId, CancellationToken c) =>
            Link(l.LinkRecommendationAsync(id, recommendationId, false, u.Viewer(), c)))
            .WithSummary("Remove a report's link to a recommendation.");
        links.MapPut("/reports/{id:guid}/concessions/{concessionId}", (ReportLinks l, ClaimsPrincipal u, Guid id, string concessionId, CancellationToken c) =>
            Link(l.LinkConcessionAsync(id, concessionId, true, u.Viewer(), c)))
            .WithSummary("Link a report to a concession (the report's author or its reviewing coordinators).");
        links.MapDelete("/reports/{id:guid}/concessions/{concessionId}", (ReportLinks l, ClaimsPrincipal u, Guid id, string concessionId, CancellationToken c) =>
            Link(l.LinkConcessionAsync(id, concessionId, false, u.Viewer(), c)))
            .WithSummary("Remove a report's link to a concession.");
    }

    private static async Task<Results<Ok<RecommendationAssessmentsResponse>, ProblemHttpResult>> ForRecommendation(
        AssessmentQuery query, SpeanDbContext db, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        if (!await db.Recommendations.AnyAsync(r => r.Id == id, cancellationToken))
            return TypedResults.Problem($"No recommendation has the id '{id}'. Check the identifier in the link or script.", statusCode: StatusCodes.Status404NotFound);
        var viewer = user.Viewer();
        var assessments = await query.ForRecommendationAsync(id, viewer, cancellationToken);
        var linked = await query.LinkedReportsAsync(id, viewer, cancellationToken);
        return TypedResults.Ok(new RecommendationAssessmentsResponse(
            id, assessments.Counting is { } counting ? Response(counting) : null, assessments.Disagree,
            [.. assessments.Current.Select(Response)], [.. assessments.History.Select(Response)],
            [.. linked.Visible.Select(r => new LinkedReportResponse(r.Id, r.Title, r.OccurredFrom, r.Status.ToString()))], linked.Restricted));
    }

    private static async Task<Results<Created<RecordedResponse>, ValidationProblem>> Record(
        AssessmentRecorder recorder, AssessmentQuery query, ClaimsPrincipal user, AssessmentRequest request, CancellationToken cancellationToken)
    {
        var viewer = user.Viewer();
        var input = new AssessmentInput(request.Status, request.AsOf, request.NarrativeEn, request.NarrativeKm, request.Consolidated, request.Published,
            request.Evidence?.Select(e => new EvidenceInput(e.Kind, e.ReportId, e.Url, e.Title, e.Date)).ToList());
        var recorded = await recorder.RecordAsync(request.RecommendationIds ?? [], input, viewer, user.DisplayName(), cancellationToken);
        if (recorded.Refused) return recorded.Refusals.Invalid();
        var saved = recorded.Value;
        var views = new List<AssessmentResponse>();
        foreach (var recommendation in saved.Select(a => a.RecommendationId).Distinct())
            views.AddRange((await query.ForRecommendationAsync(recommendation, viewer, cancellationToken)).History
                .Where(a => saved.Any(s => s.Id == a.Id)).Select(Response));
        return TypedResults.Created($"{Path}/recommendations/{saved[0].RecommendationId}/assessments", new RecordedResponse(views));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Publish(
        AssessmentRecorder recorder, ClaimsPrincipal user, Guid id, PublicationRequest request, CancellationToken cancellationToken)
    {
        var published = await recorder.SetPublishedAsync(id, request.Published, user.Viewer(), cancellationToken);
        if (published.Refusal is not { } refusal) return TypedResults.NoContent();
        return refusal.Problem(refusal.Code is AssessmentProblem.AssessmentNotFound ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Link(Task<Refusal?> linking) =>
        await linking is { } refusal
            ? refusal.Problem(refusal.Code switch
            {
                ReportLinkProblem.ReportNotFound => StatusCodes.Status404NotFound,
                ReportLinkProblem.MayNotLink => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status400BadRequest,
            })
            : TypedResults.NoContent();

    internal static AssessmentResponse Response(AssessmentView a) => new(
        a.Id, a.RecommendationId, a.OrganisationId, a.Organisation, a.Consolidated, a.Status.ToString(), a.AsOf, a.NarrativeEn, a.NarrativeKm,
        a.Published, a.Author, a.RecordedAt, a.PreviousId, a.IsCurrent,
        [.. a.Evidence.Select(e => new EvidenceResponse(e.Kind.ToString(), e.Restricted, e.ReportId, e.Title, e.Url, e.Date))]);
}
