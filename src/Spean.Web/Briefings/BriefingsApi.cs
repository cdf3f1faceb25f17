using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spean.Core.Briefings;
using Spean.Core.Stakeholders.Register;
using Spean.Web.Accounts;
using Spean.Web.Infrastructure;

namespace Spean.Web.Briefings;

public sealed record BriefingStateResponse(string Iso3, string Name, string NameKm)
{
    public static BriefingStateResponse Of(BriefingState s) => new(s.Iso3, s.Name, s.NameKm);
}

/// <param name="Status">NotImplemented, PartiallyImplemented, FullyImplemented or CannotBeAssessed.</param>
public sealed record BriefedAssessmentResponse(string Status, DateOnly AsOf, bool Consolidated, string Organisation);

/// <param name="Response">Supported, Noted or Pending.</param>
public sealed record BriefedRecommendationResponse(
    Guid Id, int Cycle, int Session, string? Paragraph, string Text, string Response, IReadOnlyList<string> Issues, BriefedAssessmentResponse? Assessment);

public sealed record BriefingCycleResponse(int Cycle, int Supported, int Noted, int Pending, IReadOnlyList<BriefedRecommendationResponse> Recommendations);

/// <param name="Status">Draft, Sent or Published.</param>
public sealed record CoalitionDraftResponse(Guid SubmissionId, string Submission, string Status, string Cluster, Guid ParagraphId, string Text, IReadOnlyList<string> Issues);

/// <summary>Contact details the caller may see; notes are never part of a briefing.</summary>
public sealed record BriefingContactsResponse(string? Phone, string? Email, string? Address, string? Messaging)
{
    public static BriefingContactsResponse? Of(ContactDetails? c) => c is null ? null : new(c.Phone, c.Email, c.Address, c.Messaging);
}

public sealed record EmbassyPersonResponse(Guid Id, string NameLatin, string? NameKhmer, string Title, DateOnly? Since, BriefingContactsResponse? Contacts);

public sealed record BriefedEmbassyResponse(Guid Id, string NameLatin, string? NameKhmer, BriefingContactsResponse? Contacts, IReadOnlyList<EmbassyPersonResponse> People);

public sealed record PendingFollowUpResponse(Guid Id, string Action, string Owner, DateOnly Due);

/// <param name="Kind">Meeting, Call, Letter, Event or Statement.</param>
/// <param name="Agreed">What was agreed; null when nothing was recorded.</param>
public sealed record BriefedEngagementResponse(Guid Id, string Kind, DateOnly Date, string Subject, string? Agreed, IReadOnlyList<PendingFollowUpResponse> Pending);

/// <summary>The embassy briefing: what the recommending State recommended by cycle (latest first) and what became of it, the coalition's drafts on the same issues, the embassy's people and past engagements.</summary>
public sealed record BriefingResponse(
    BriefingStateResponse StateUnderReview, BriefingStateResponse Recommending, DateTime PreparedAt, IReadOnlyList<string> Issues,
    IReadOnlyList<BriefingCycleResponse> Cycles, IReadOnlyList<CoalitionDraftResponse> Drafts, IReadOnlyList<BriefedEmbassyResponse> Embassies,
    IReadOnlyList<BriefedEngagementResponse> Engagements)
{
    public static BriefingResponse Of(Briefing b) => new(
        BriefingStateResponse.Of(b.StateUnderReview), BriefingStateResponse.Of(b.Recommending), b.PreparedAt, b.Issues,
        [.. b.Cycles.Select(c => new BriefingCycleResponse(c.Cycle, c.Supported, c.Noted, c.Pending, [.. c.Recommendations.Select(r =>
            new BriefedRecommendationResponse(r.Id, r.Cycle, r.Session, r.Paragraph, r.Text, r.Response.ToString(), r.Issues,
                r.Assessment is { } a ? new BriefedAssessmentResponse(a.Status.ToString(), a.AsOf, a.Consolidated, a.Organisation) : null))]))],
        [.. b.Drafts.Select(d => new CoalitionDraftResponse(d.SubmissionId, d.Submission, d.Status.ToString(), d.Cluster, d.ParagraphId, d.Text, d.Issues))],
        [.. b.Embassies.Select(e => new BriefedEmbassyResponse(e.Id, e.NameLatin, e.NameKhmer, BriefingContactsResponse.Of(e.Contacts),
            [.. e.People.Select(p => new EmbassyPersonResponse(p.Id, p.NameLatin, p.NameKhmer, p.Title, p.Since, BriefingContactsResponse.Of(p.Contacts)))]))],
        [.. b.Engagements.Select(e => new BriefedEngagementResponse(e.Id, e.Kind.ToString(), e.Date, e.Subject, e.Agreed,
            [.. e.Pending.Select(f => new PendingFollowUpResponse(f.Id, f.Action, f.Owner, f.Due))]))]);
}

internal static class BriefingsApi
{
    public const string Path = "/api/v1/stakeholders/briefings";

    public static void MapBriefingsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup(Path).WithTags("Stakeholders").RequireAuthorization(Policies.SignedIn)
            .MapGet("/{sur}/{recommending}", Get)
            .WithSummary("The embassy briefing for a State under Review (sur, e.g. KHM) and a recommending State (e.g. FRA): its recommendations by cycle " +
                "with response and the assessment that counts, the coalition's draft recommendations on the same issues from submissions you may see, " +
                "the embassy's people and contacts you may see, and past engagements you may see, latest first.");
    }

    private static async Task<Results<Ok<BriefingResponse>, ProblemHttpResult>> Get(
        EmbassyBriefing briefing, ClaimsPrincipal user, string sur, string recommending, CancellationToken cancellationToken)
    {
        var outcome = await briefing.BriefAsync(sur, recommending, user.Viewer(), cancellationToken);
        if (outcome.Refusal is { } refusal)
            return refusal.Problem(refusal.Code is BriefingProblem.UnknownState ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest);
        return TypedResults.Ok(BriefingResponse.Of(outcome.Value!));
    }
}
