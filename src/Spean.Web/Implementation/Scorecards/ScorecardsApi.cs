using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Spean.Core;
using Spean.Core.Data;
using Spean.Core.Exports;
using Spean.Core.Implementation.Scorecards;
using Spean.Web.Accounts;
using Spean.Web.Infrastructure;

namespace Spean.Web.Implementation.Scorecards;

public sealed record ScorecardRecommendation(
    Guid Id, string? Paragraph, string Text, string? TextKm, string Response, string Status, DateOnly? AsOf, string? NarrativeEn, string? NarrativeKm);

public sealed record RecommendingStateScorecard(Scorecard Scorecard, IReadOnlyList<ScorecardRecommendation> Recommendations);

/// <summary>
/// Scorecards under /api/v1/implementation. Anyone may read them; a visitor who is not signed in (or anyone asking for
/// public=true) gets the public scorecard, where only published assessments count.
/// </summary>
internal static class ScorecardsApi
{
    public const string Path = "/api/v1/implementation/scorecards";

    public static void MapScorecardsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Path).WithTags("Implementation").AllowAnonymous().RequireRateLimiting(ApiConventions.PublicApiLimit);
        api.MapGet("/{iso3}/{cycle:int}", Get)
            .WithSummary("How many of a State's supported and noted recommendations of a cycle are fully, partially or not implemented, or not yet assessed; by issue, recommending State and action category, with the previous cycle.");
        api.MapGet("/{iso3}/{cycle:int}/by/{recommendingIso3}", ByRecommendingState)
            .WithSummary("What one State recommended to the State under Review in a cycle, and what became of each recommendation.");
        api.MapGet("/{iso3}/{cycle:int}/export.csv", (HttpContext c, ScorecardQuery q, ScorecardTables t, string iso3, int cycle, bool? @public) =>
            Download(c, q, t, iso3, cycle, @public, ExportFormat.Csv)).WithSummary("The scorecard's every count as CSV, named in the request's language.");
        api.MapGet("/{iso3}/{cycle:int}/export.xlsx", (HttpContext c, ScorecardQuery q, ScorecardTables t, string iso3, int cycle, bool? @public) =>
            Download(c, q, t, iso3, cycle, @public, ExportFormat.Xlsx)).WithSummary("The scorecard's every count as an Excel workbook.");
        api.MapGet("/{iso3}/{cycle:int}/charts/{chart}.svg", Chart)
            .WithSummary("One of the scorecard's charts (status, issues, recommending, categories) as SVG, labelled in the request's language.");
    }

    /// <summary>A visitor who is not signed in sees only published assessments, whatever they ask for.</summary>
    public static bool PublishedOnly(ClaimsPrincipal user, bool? requestedPublic) => user.UserId() is null || requestedPublic == true;

    private static async Task<Results<Ok<Scorecard>, ProblemHttpResult>> Get(
        ClaimsPrincipal user, ScorecardQuery query, SpeanDbContext db, string iso3, int cycle, bool? @public, CancellationToken cancellationToken)
    {
        var (scorecard, problem) = await FindAsync(query, db, iso3, cycle, PublishedOnly(user, @public), null, cancellationToken);
        return scorecard is null ? problem! : TypedResults.Ok(scorecard);
    }

    private static async Task<Results<Ok<RecommendingStateScorecard>, ProblemHttpResult>> ByRecommendingState(
        ClaimsPrincipal user, ScorecardQuery query, SpeanDbContext db, string iso3, int cycle, string recommendingIso3, bool? @public,
        CancellationToken cancellationToken)
    {
        if (!IsIso3(recommendingIso3)) return Invalid("The recommending State is its three-letter ISO code, such as NOR for Norway.");
        var publishedOnly = PublishedOnly(user, @public);
        var (scorecard, problem) = await FindAsync(query, db, iso3, cycle, publishedOnly, recommendingIso3, cancellationToken);
        if (scorecard is null) return problem!;
        var recommendations = await query.AssessedAsync(iso3, cycle, publishedOnly, recommendingIso3, withAssessment: true, cancellationToken);
        return TypedResults.Ok(new RecommendingStateScorecard(scorecard, recommendations.Select(r => new ScorecardRecommendation(
            r.Id, r.Paragraph, r.Text, r.TextKm, r.Response.ToString(), Scorecard.Column(r.Status).ToString(), r.Counting?.AsOf,
            r.Counting?.NarrativeEn, r.Counting?.NarrativeKm)).ToList()));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(
        HttpContext context, ScorecardQuery query, ScorecardTables tables, string iso3, int cycle, bool? @public, ExportFormat format)
    {
        var db = context.RequestServices.GetRequiredService<SpeanDbContext>();
        var (scorecard, problem) = await FindAsync(query, db, iso3, cycle, PublishedOnly(context.User, @public), null, context.RequestAborted);
        if (scorecard is null) return problem!;
        await tables.LoadAsync(context.RequestAborted);
        var (header, rows) = tables.Download(scorecard);
        using var file = new MemoryStream();
        await TableExport.WriteAsync(format, "Scorecard", header, Async(rows), file, context.RequestAborted);
        return TypedResults.File(file.ToArray(), TableExport.ContentType(format),
            $"spean-scorecard-{scorecard.StateIso3.ToLowerInvariant()}-cycle{cycle}{(scorecard.PublishedOnly ? "-public" : "")}.{TableExport.Extension(format)}");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Chart(
        ClaimsPrincipal user, ScorecardQuery query, SpeanDbContext db, ScorecardTables tables, string iso3, int cycle, string chart, bool? @public,
        CancellationToken cancellationToken)
    {
        if (!EnumNames.TryParse<ScorecardChart>(chart, out var kind))
            return Invalid("'chart' is one of status, issues, recommending or categories.");
        var (scorecard, problem) = await FindAsync(query, db, iso3, cycle, PublishedOnly(user, @public), null, cancellationToken);
        if (scorecard is null) return problem!;
        await tables.LoadAsync(cancellationToken);
        return TypedResults.Content(tables.Svg(scorecard, kind), "image/svg+xml; charset=utf-8");
    }

    /// <returns>The scorecard, or a problem that says what to change: a malformed code, or a cycle in which the State received nothing.</returns>
    public static async Task<(Scorecard? Scorecard, ProblemHttpResult? Problem)> FindAsync(
        ScorecardQuery query, SpeanDbContext db, string iso3, int cycle, bool publishedOnly, string? recommendingIso3, CancellationToken cancellationToken)
    {
        if (!IsIso3(iso3)) return (null, Invalid("The State under Review is its three-letter ISO code, such as KHM for Cambodia."));
        if (cycle is < 1 or > 20) return (null, Invalid("The cycle is a number from 1 (the first UPR cycle, 2008–2011) on."));
        var scorecard = await query.ForAsync(iso3, cycle, publishedOnly, recommendingIso3, cancellationToken);
        if (scorecard is not null) return (scorecard, null);
        var upper = iso3.ToUpperInvariant();
        var cycles = await db.Recommendations.Where(r => r.StateUnderReviewIso3 == upper).Select(r => r.Cycle).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
        var detail = recommendingIso3 is null
            ? $"{upper} received no supported or noted recommendation in cycle {cycle}."
            : $"{recommendingIso3.ToUpperInvariant()} made {upper} no supported or noted recommendation in cycle {cycle}.";
        return (null, TypedResults.Problem(cycles.Count == 0
            ? $"{detail} Spean holds no recommendation to {upper}: check the code, or import its recommendations."
            : $"{detail} Try one of the cycles Spean holds for {upper}: {string.Join(", ", cycles)}.", statusCode: StatusCodes.Status404NotFound));
    }

    public static bool IsIso3(string code) => code.Length == 3 && code.All(char.IsAsciiLetter);

    private static ProblemHttpResult Invalid(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    private static async IAsyncEnumerable<object?[]> Async(List<object?[]> rows)
    {
        foreach (var row in rows) yield return row;
        await Task.CompletedTask;
    }
}
