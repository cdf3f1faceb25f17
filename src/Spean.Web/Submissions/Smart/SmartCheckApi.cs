using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Spean.Core;
using Spean.Core.Data;
using Spean.Core.Submissions.Smart;
using Spean.Core.Text;
using Spean.Web.Accounts;
using Spean.Web.Infrastructure;

namespace Spean.Web.Submissions.Smart;

/// <param name="Language">"En" or "Km"; left out, a text with Khmer letters is taken as Khmer.</param>
/// <param name="State">ISO3 code of the State the recommendation is for, e.g. "KHM".</param>
public sealed record SmartCheckRequest(string? Text, string? Language, string? State);

/// <param name="Name">ActionCategory, MeasurableObject, TimeFrame, ResponsibleBody or AlreadyRecommended.</param>
/// <param name="Verdict">Pass, Warn or Fail.</param>
/// <param name="Evidence">The words that decided the verdict, as they stand in the text.</param>
/// <param name="Advice">A stable code of what to change; AdviceText says it in the request's language.</param>
public sealed record SmartCheckItem(string Name, string Label, string Verdict, string VerdictLabel, IReadOnlyList<string> Evidence, string Advice, string AdviceText);

public sealed record SmartEarlierItem(Guid Id, string Text, int Session, int Cycle, string Response, string Description, double Similarity);

/// <param name="ActionCategory">UPR Info's action category (1-5) as predicted, null when no action could be told.</param>
/// <param name="CategoryText">The predicted category in the request's language, marked as a prediction.</param>
public sealed record SmartCheckResponse(
    int? ActionCategory, string? CategoryText, IReadOnlyList<SmartCheckItem> Checks, IReadOnlyList<SmartEarlierItem> RecommendedBefore);

internal static class SmartCheckApi
{
    public const string Path = "/api/v1/submissions/smart-check";

    public static void MapSmartCheckApi(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, Check).WithTags("Submissions").RequireAuthorization(Policies.SignedIn).RequireRateLimiting(ApiConventions.PublicApiLimit)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The SMART check of a draft recommendation: its predicted action category and whether it names something measurable, a time frame and a body responsible, and whether the State was asked the same before; each check with the words that decided it and advice in the request's language.");

    private static async Task<Results<Ok<SmartCheckResponse>, ProblemHttpResult>> Check(
        SmartCheckRequest request, SmartChecker checker, SpeanDbContext db, IStringLocalizer<SmartStrings> smart, IStringLocalizer<Strings> shared,
        CancellationToken cancellationToken)
    {
        var text = request.Text?.Trim() ?? "";
        if (text.Length == 0)
            return Invalid("Send the draft's text as 'text', e.g. {\"text\": \"Ratify the Convention against Torture by 2027\", \"state\": \"KHM\"}.");
        if (text.Length > SmartChecker.MaxTextLength)
            return Invalid($"The text has {text.Length} characters; send one recommendation of at most {SmartChecker.MaxTextLength}.");
        SmartLanguage language;
        if (request.Language is null) language = text.Any(KhmerScript.IsKhmer) ? SmartLanguage.Km : SmartLanguage.En;
        else if (!EnumNames.TryParse(request.Language, out language))
            return Invalid($"'{request.Language}' is not a language the check reads; send \"En\" for English or \"Km\" for Khmer, or leave 'language' out.");
        var state = request.State?.Trim().ToUpperInvariant() ?? "";
        if (state.Length == 0)
            return Invalid("Send the State the recommendation is for as 'state', its ISO3 code, e.g. \"KHM\" for Cambodia.");
        if (!await db.Countries.AnyAsync(c => c.Iso3 == state, cancellationToken))
            return Invalid($"'{request.State}' is not the ISO3 code of a State Spean knows; send e.g. \"KHM\" for Cambodia.");

        var report = await checker.CheckAsync(text, language, state, cancellationToken);
        return TypedResults.Ok(SmartCheckView.Of(report, smart, shared));
    }

    private static ProblemHttpResult Invalid(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);
}

/// <summary>A report as the API sends it and the panel shows it, in the current culture's language.</summary>
internal static class SmartCheckView
{
    public static SmartCheckResponse Of(SmartCheckReport report, IStringLocalizer<SmartStrings> smart, IStringLocalizer<Strings> shared) => new(
        report.ActionCategory,
        report.ActionCategory is { } c ? smart["Smart.Category", c, smart[$"ActionCategory{c}"]].Value : null,
        report.Checks.Select(check => new SmartCheckItem(
            check.Name.ToString(), smart[$"SmartCheckName.{check.Name}"], check.Verdict.ToString(), smart[$"SmartVerdict.{check.Verdict}"],
            check.Evidence, check.Advice.ToString(), smart[$"SmartAdvice.{check.Advice}"])).ToList(),
        report.Earlier.Select(e => new SmartEarlierItem(e.Id, e.Text, e.Session, e.Cycle, e.Response.ToString(),
            smart["Smart.EarlierItem", e.Session, e.Cycle, shared[$"Response.{e.Response}"]], e.Similarity)).ToList());
}
