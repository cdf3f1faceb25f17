using Microsoft.AspNetCore.Http.HttpResults;
using Spean.Core.Recommendations.Detail;
using Spean.Core.Recommendations.Pledges;
using Spean.Core.Recommendations.Recurrence;
using Spean.Web.Infrastructure;

namespace Spean.Web.Recommendations.Detail;

public sealed record StateProfileResponse(string Name, string? Iso3, string? RegionalGroup, IReadOnlyList<string> Organisations);

public sealed record SdgTargetResponse(string Code, string TitleEn, string TitleKm);

public sealed record RecommendationSummaryResponse(
    Guid Id, string Text, int Session, int Cycle, string Response, IReadOnlyList<string> RecommendingStates);

public sealed record EarlierRecommendationResponse(RecommendationSummaryResponse Recommendation, double Similarity);

public sealed record RecommendationDetailResponse(
    Guid Id, string Text, string? TextKm, string? Notes,
    StateProfileResponse StateUnderReview, IReadOnlyList<StateProfileResponse> RecommendingStates,
    int Session, int Cycle, DateTime? ReviewDate, string Response, int? ActionCategory, string? ActionCategoryOrigin,
    IReadOnlyList<string> Issues, IReadOnlyList<SdgTargetResponse> SdgTargets, string? SourceDocument, string? Paragraph,
    IReadOnlyList<EarlierRecommendationResponse> RecommendedBefore);

public sealed record CycleSummaryResponse(int Cycle, int Recommendations, int Supported, int RecommendedBefore);

public sealed record ThemeCycleResponse(int Cycle, int Count, int Supported, double SupportedPercent);

public sealed record RecurringThemeResponse(string Issue, IReadOnlyList<ThemeCycleResponse> Cycles);

public sealed record RepeatResponse(RecommendationSummaryResponse Earlier, RecommendationSummaryResponse Later, double Similarity);

public sealed record RepeatingRecommenderResponse(string Name, string? Iso3, IReadOnlyList<RepeatResponse> Repeats);

public sealed record RecurrenceReportResponse(
    string StateIso3, string StateName, IReadOnlyList<CycleSummaryResponse> Cycles,
    IReadOnlyList<RecurringThemeResponse> Themes, IReadOnlyList<RepeatingRecommenderResponse> Recommenders);

public sealed record PledgeResponse(Guid Id, int Session, int Cycle, string Text, int? ActionCategory, IReadOnlyList<string> Issues);

internal static class RecommendationDetailApi
{
    public static void MapRecommendationDetailApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/recommendations").WithTags("Recommendations").AllowAnonymous()
            .RequireRateLimiting(ApiConventions.PublicApiLimit);
        api.MapGet("/{id:guid}", GetRecommendation);
        api.MapGet("/states/{iso3}/recurrence", GetRecurrence);
        api.MapGet("/states/{iso3}/pledges", GetPledges);
    }

    private static async Task<Results<Ok<RecommendationDetailResponse>, ProblemHttpResult>> GetRecommendation(RecommendationDetails details, Guid id)
    {
        var r = await details.FindAsync(id);
        if (r is null)
            return TypedResults.Problem($"No recommendation has the id '{id}'. Check the identifier in the link or script.",
                statusCode: StatusCodes.Status404NotFound);
        return TypedResults.Ok(new RecommendationDetailResponse(
            r.Id, r.Text, r.TextKm, r.Notes, ToResponse(r.StateUnderReview), r.RecommendingStates.Select(ToResponse).ToList(),
            r.Session, r.Cycle, r.ReviewDate, r.Response.ToString(), r.ActionCategory, r.ActionCategoryOrigin?.ToString(),
            r.Issues, r.SdgTargets.Select(t => new SdgTargetResponse(t.Code, t.TitleEn, t.TitleKm)).ToList(), r.SourceDocument, r.Paragraph,
            r.RecommendedBefore.Select(s => new EarlierRecommendationResponse(ToResponse(s.Recommendation), s.Similarity)).ToList()));
    }

    private static async Task<Results<Ok<RecurrenceReportResponse>, ProblemHttpResult>> GetRecurrence(RecommendationRecurrence recurrence, string iso3)
    {
        var report = await recurrence.ReportAsync(iso3);
        if (report is null) return UnknownState(iso3);
        return TypedResults.Ok(new RecurrenceReportResponse(
            report.StateIso3, report.StateName,
            report.Cycles.Select(c => new CycleSummaryResponse(c.Cycle, c.Recommendations, c.Supported, c.RecommendedBefore)).ToList(),
            report.Themes.Select(t => new RecurringThemeResponse(t.Issue,
                t.Cycles.Select(c => new ThemeCycleResponse(c.Cycle, c.Count, c.Supported, c.SupportedPercent)).ToList())).ToList(),
            report.Recommenders.Select(r => new RepeatingRecommenderResponse(r.State.Name, r.State.Iso3,
                r.Repeats.Select(p => new RepeatResponse(ToResponse(p.Earlier), ToResponse(p.Later), p.Similarity)).ToList())).ToList()));
    }

    private static async Task<Results<Ok<List<PledgeResponse>>, ProblemHttpResult>> GetPledges(PledgeQuery pledges, string iso3)
    {
        var list = await pledges.ForStateAsync(iso3);
        if (list is null) return UnknownState(iso3);
        return TypedResults.Ok(list.Select(p => new PledgeResponse(p.Id, p.Session, p.Cycle, p.Text, p.ActionCategory, p.Issues)).ToList());
    }

    private static ProblemHttpResult UnknownState(string iso3) =>
        TypedResults.Problem($"No State has the ISO code '{iso3}'. Use a three-letter code such as KHM; /api/v1/countries lists them.",
            statusCode: StatusCodes.Status404NotFound);

    private static StateProfileResponse ToResponse(StateProfile s) =>
        new(s.Name, s.Iso3, s.RegionalGroup?.ToString(), s.Organisations.Select(o => o.Code).ToList());

    private static RecommendationSummaryResponse ToResponse(RecurrenceItem r) =>
        new(r.Id, r.Text, r.Session, r.Cycle, r.Response.ToString(), r.RecommendingStates.Select(s => s.Name).ToList());
}
