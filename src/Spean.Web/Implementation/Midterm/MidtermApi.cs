using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Spean.Core.Auditing;
using Spean.Core.Data;
using Spean.Core.Implementation.Midterm;
using Spean.Core.Implementation.Scorecards;
using Spean.Web.Accounts;
using Spean.Web.Implementation.Scorecards;
using Spean.Web.Infrastructure;

namespace Spean.Web.Implementation.Midterm;

/// <summary>The mid-term report as a Word document; who sees which assessments follows the scorecards' rule.</summary>
internal static class MidtermApi
{
    public const string Path = "/api/v1/implementation/midterm";

    public static void MapMidtermApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Path).WithTags("Implementation").AllowAnonymous().RequireRateLimiting(ApiConventions.PublicApiLimit);
        api.MapGet("/{iso3}/{cycle:int}/report.docx", Report)
            .WithSummary("A State's recommendations of a cycle in the layout of OHCHR's matrix, grouped by theme, with the assessment/comments column filled, as a Word document in English or Khmer (lang=en|km).");
    }

    /// <summary>The report's language: lang=en|km where given, else the reader's.</summary>
    public static MidtermLabels? Labels(string? lang) => lang switch
    {
        null or "" => MidtermLabels.For(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName),
        "en" or "km" => MidtermLabels.For(lang),
        _ => null,
    };

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Report(
        HttpContext context, MidtermReports reports, ScorecardQuery query, SpeanDbContext db, AuditTrail audit, string iso3, int cycle,
        string? lang, bool? @public)
    {
        if (Labels(lang) is not { } labels)
            return TypedResults.Problem("'lang' is en (English) or km (Khmer).", statusCode: StatusCodes.Status400BadRequest);
        var publishedOnly = ScorecardsApi.PublishedOnly(context.User, @public);
        var (scorecard, problem) = await ScorecardsApi.FindAsync(query, db, iso3, cycle, publishedOnly, null, context.RequestAborted);
        if (scorecard is null) return problem!;
        var report = (await reports.BuildAsync(iso3, cycle, publishedOnly, labels, context.RequestAborted))!;
        // Unpublished assessments leave the building in this file: the trail says who took them.
        if (context.User.UserId() is not null && !publishedOnly)
            await audit.RecordAsync(AuditAction.Exported, $"mid-term report of {scorecard.StateIso3} cycle {cycle} in {labels.Language}");
        using var file = new MemoryStream();
        await MidtermDocument.WriteAsync(report, file, context.RequestAborted);
        return TypedResults.File(file.ToArray(), MidtermDocument.ContentType, MidtermDocument.FileName(scorecard.StateIso3, cycle, labels));
    }
}
