using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Spean.Core;
using Spean.Core.Submissions.Calendar;
using Spean.Web.Accounts;
using Spean.Web.Infrastructure;

namespace Spean.Web.Submissions.Calendar;

/// <param name="SubmissionDeadline">The stakeholder deadline as an instant (UTC); <see cref="SubmissionDeadlineGeneva"/> is the same in Geneva's time.</param>
/// <param name="Estimated">The dates worked out from the review date rather than entered: any of SubmissionDeadline, PreSession, Adoption, MidtermReport.</param>
public sealed record UprReviewResponse(
    string State, string StateName, string StateNameKm, int Cycle, int Session, DateOnly ReviewDate, DateTimeOffset SubmissionDeadline,
    DateTimeOffset SubmissionDeadlineGeneva, DateOnly PreSession, DateOnly Adoption, DateOnly MidtermReport, IReadOnlyList<string> Estimated)
{
    public static UprReviewResponse From(UprReviewView view)
    {
        var d = view.Dates;
        var estimated = new List<string>();
        if (d.DeadlineEstimated) estimated.Add("SubmissionDeadline");
        if (d.PreSession.Estimated) estimated.Add("PreSession");
        if (d.Adoption.Estimated) estimated.Add("Adoption");
        if (d.MidtermReport.Estimated) estimated.Add("MidtermReport");
        return new(d.StateIso3, view.StateName, view.StateNameKm, d.Cycle, d.Session, d.ReviewDate, d.SubmissionDeadline.ToUniversalTime(),
            UprDates.InGeneva(d.SubmissionDeadline.UtcDateTime), d.PreSession.Date, d.Adoption.Date, d.MidtermReport.Date, estimated);
    }
}

/// <param name="SubmissionDeadline">The day of the stakeholder deadline (yyyy-MM-dd); null: estimated.</param>
/// <param name="SubmissionDeadlineTime">Its time in Geneva (HH:mm); null: noon.</param>
/// <param name="PreSession">null: estimated (likewise Adoption and MidtermReport).</param>
public sealed record UprReviewRequest(int Session, DateOnly ReviewDate, DateOnly? SubmissionDeadline, string? SubmissionDeadlineTime,
    DateOnly? PreSession, DateOnly? Adoption, DateOnly? MidtermReport);

/// <param name="Problem">UnknownState, BadCycle, BadSession, BadDate, BadTime, DeadlineNotBeforeReview, PreSessionNotBeforeReview, AdoptionBeforeReview, MidtermBeforeReview or DuplicateRow.</param>
public sealed record UprRejectedRow(int Line, string Problem, string Reason);

public sealed record UprImportResponse(int Read, int Created, int Updated, int Unchanged, IReadOnlyList<UprRejectedRow> Rejected);

internal static class UprCalendarApi
{
    public static void MapUprCalendarApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/submissions/calendar").WithTags("Submissions");
        group.MapGet("/", ListAsync).AllowAnonymous().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("UPR reviews with any of their dates between 'from' and 'to' (yyyy-MM-dd, both optional), optionally of one State (ISO3); " +
                "dates not entered are estimated and named in 'estimated'.");
        group.MapGet("/{state}/{cycle:int}", GetAsync).AllowAnonymous().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One State's review in one cycle with all its dates.");
        group.MapPut("/{state}/{cycle:int}", PutAsync).RequireAuthorization(Policies.Coordinator)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Enter a review's dates (Coordinators and above): creates the review of that State and cycle or replaces its dates; " +
                "a date left null is estimated. The deadline's time is Geneva's, noon when left out.");
        // Scripts send a personal access token; a browser's cookie is SameSite=Lax, so another site cannot post here with it.
        group.MapPost("/import", ImportAsync).RequireAuthorization(Policies.Coordinator).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(UprCalendarImporter.MaxFileBytes + 100_000))
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Import reviews from CSV (multipart, field 'file'; columns state_iso3, cycle, session, review_date, submission_deadline, " +
                "pre_session, adoption, midterm_report). Re-importing updates a State's review of a cycle, never duplicates it; bad rows are listed " +
                "with line and reason while good rows import.");
    }

    private static async Task<Results<Ok<List<UprReviewResponse>>, ProblemHttpResult>> ListAsync(
        UprCalendar calendar, string? state, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        if (from is { } first && to is { } last && last < first)
            return BadRequest($"'to' ({UprReviewInput.Iso(last)}) is before 'from' ({UprReviewInput.Iso(first)}): swap them.");
        if (!string.IsNullOrWhiteSpace(state) && await calendar.StateAsync(state, cancellationToken) is null)
            return BadRequest($"'{state}' is not a State Spean knows: use its ISO 3166 alpha-3 code, e.g. KHM.");
        var reviews = await calendar.ListAsync(state, from, to, cancellationToken);
        return TypedResults.Ok(reviews.Select(UprReviewResponse.From).ToList());
    }

    private static async Task<Results<Ok<UprReviewResponse>, ProblemHttpResult>> GetAsync(
        UprCalendar calendar, string state, int cycle, CancellationToken cancellationToken) =>
        await calendar.FindAsync(state, cycle, cancellationToken) is { } review
            ? TypedResults.Ok(UprReviewResponse.From(review))
            : TypedResults.Problem($"No review of '{state}' in cycle {cycle} is recorded: list a State's reviews with GET /api/v1/submissions/calendar?state={state}.",
                statusCode: StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<UprReviewResponse>, ProblemHttpResult>> PutAsync(
        UprCalendar calendar, HttpContext context, string state, int cycle, UprReviewRequest request, CancellationToken cancellationToken)
    {
        TimeOnly? time = null;
        if (!string.IsNullOrWhiteSpace(request.SubmissionDeadlineTime))
        {
            if (!TimeOnly.TryParseExact(request.SubmissionDeadlineTime.Trim(), "HH:mm", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out var parsed))
                return BadRequest($"submissionDeadlineTime '{request.SubmissionDeadlineTime}' is not a time written HH:mm (Geneva time), e.g. 12:00.");
            time = parsed;
        }
        var input = new UprReviewInput(request.Session, request.ReviewDate, request.SubmissionDeadline, time, request.PreSession, request.Adoption,
            request.MidtermReport);
        var (review, refusal) = await calendar.SaveAsync(context.User.Viewer(), state, cycle, input, cancellationToken);
        return review is not null ? TypedResults.Ok(UprReviewResponse.From(review)) : Refused(refusal!);
    }

    private static async Task<Results<Ok<UprImportResponse>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, UprCalendarImporter importer, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
            return BadRequest("Send the CSV as multipart/form-data in the field 'file'.");
        if (await request.ReadFormOrNullAsync(cancellationToken) is not { } form)
            return BadRequest("The form could not be read: send the CSV as multipart/form-data in the field 'file'.");
        if (form.Files.GetFile("file") is not { Length: > 0 } file)
            return BadRequest("The form has no file in the field 'file': attach the CSV of reviews.");
        if (file.Length > UprCalendarImporter.MaxFileBytes)
            return TypedResults.Problem($"The file has {file.Length / 1_000} kB; a calendar file has at most {UprCalendarImporter.MaxFileBytes / 1_000_000} MB.",
                statusCode: StatusCodes.Status413PayloadTooLarge);
        await using var stream = file.OpenReadStream();
        var (report, refusal) = await importer.ImportAsync(stream, request.HttpContext.User.Viewer(), cancellationToken);
        if (report is null) return Refused(refusal!);
        return TypedResults.Ok(new UprImportResponse(report.Read, report.Created, report.Updated, report.Unchanged,
            report.Rejected.Select(r => new UprRejectedRow(r.Line, r.Problem.ToString(), r.Reason)).ToList()));
    }

    private static ProblemHttpResult Refused(Refusal refusal) => refusal.Problem(refusal.Code switch
    {
        UprCalendarProblem.NotAllowed => StatusCodes.Status403Forbidden,
        UprCalendarProblem.NoColumns => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status400BadRequest,
    });

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);
}
