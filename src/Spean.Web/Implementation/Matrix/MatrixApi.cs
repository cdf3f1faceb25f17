using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Spean.Core.Implementation.Matrix;
using Spean.Core.Recommendations;
using Spean.Web.Accounts;
using Spean.Web.Infrastructure;

namespace Spean.Web.Implementation.Matrix;

/// <summary>The multipart form of a matrix upload.</summary>
/// <param name="File">OHCHR's "thematic list of recommendations" as published (.docx).</param>
/// <param name="State">State under Review (ISO3 or name), only when the document does not say it.</param>
/// <param name="Session">UPR session, only when the document does not say it.</param>
/// <param name="Cycle">UPR cycle, only when the document does not say it (otherwise it follows from the session).</param>
/// <param name="DryRun">true: report what would change and write nothing.</param>
public sealed record MatrixUploadRequest(IFormFile File, string? State, int? Session, int? Cycle, bool? DryRun);

/// <param name="Paragraph">The paragraph number, or "row N" for a row without one.</param>
/// <param name="Problem">NoParagraphNumber, NoText, NoRecommendingState, PositionUnreadable, DuplicateParagraph, DuplicateRecommendation or TooLong.</param>
public sealed record MatrixRefusedRow(string Paragraph, string Problem, string Reason);

/// <param name="StateFrom">Where the State under Review came from: Document, FileName or Option (likewise SessionFrom; CycleFrom may be Session).</param>
/// <param name="Enriched">Recommendations already stored (e.g. from UPR Info) that the matrix completed or corrected.</param>
/// <param name="UnknownStates">Recommending States matching no country, kept as written.</param>
public sealed record MatrixImportResponse(
    string StateUnderReview, string StateName, string StateFrom, int Session, string SessionFrom, int Cycle, string CycleFrom,
    int Read, int Created, int Enriched, int Unchanged, int Predicted, IReadOnlyList<MatrixRefusedRow> Refused,
    IReadOnlyList<string> UnknownStates, bool DryRun)
{
    public static MatrixImportResponse From(MatrixImportReport report) => new(
        report.Review.StateIso3, report.Review.StateName, report.Review.StateFrom.ToString(), report.Review.Session, report.Review.SessionFrom.ToString(),
        report.Review.Cycle, report.Review.CycleFrom.ToString(), report.Read, report.Created, report.Enriched, report.Unchanged, report.Predicted,
        report.Refused.Select(r => new MatrixRefusedRow(r.Paragraph, r.Problem.ToString(), r.Reason)).ToList(), report.UnknownStates, report.DryRun);
}

internal static class MatrixApi
{
    public static void MapMatrixApi(this IEndpointRouteBuilder app)
    {
        // Scripts send a personal access token; a browser's cookie is SameSite=Lax, so another site cannot post here with it.
        app.MapGroup("/api/v1/implementation").WithTags("Implementation").RequireAuthorization(Policies.Coordinator)
            .MapPost("/matrix", ImportAsync).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MatrixImporter.MaxFileBytes + 100_000))
            .Accepts<MatrixUploadRequest>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Import OHCHR's UPR matrix (the 'thematic list of recommendations', .docx; multipart: file, and state, session, cycle only " +
                "when the document lacks them, dryRun). Running it twice changes nothing; recommendations already stored are enriched, not duplicated; " +
                "rows that cannot be read are listed with paragraph and reason.");
    }

    private static async Task<Results<Ok<MatrixImportResponse>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, MatrixImporter importer, RecommendationSearch search, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
            return BadRequest("Send the matrix as multipart/form-data with the .docx in the field 'file'.");
        if (await request.ReadFormOrNullAsync(cancellationToken) is not { } form)
            return BadRequest("The form could not be read: send the matrix as multipart/form-data with the .docx in the field 'file'.");
        if (form.Files.GetFile("file") is not { Length: > 0 } file)
            return BadRequest("The form has no file in the field 'file': attach the matrix (.docx).");
        if (file.Length > MatrixImporter.MaxFileBytes)
            return TypedResults.Problem($"The file has {file.Length / 1_000_000} MB; a matrix has at most {MatrixImporter.MaxFileBytes / 1_000_000} MB.",
                statusCode: StatusCodes.Status413PayloadTooLarge);
        if (!TryNumber(form, "session", out var session) || !TryNumber(form, "cycle", out var cycle))
            return BadRequest("'session' and 'cycle' are whole numbers (e.g. session 48, cycle 4); leave them out when the document says them.");
        var dryRun = false;
        var flag = form["dryRun"].ToString().Trim();
        if (flag.Length > 0 && !bool.TryParse(flag, out dryRun)) return BadRequest("'dryRun' is true or false.");
        var state = form["state"].ToString().Trim();

        await using var stream = new MemoryStream();
        await file.CopyToAsync(stream, cancellationToken);
        stream.Position = 0;
        var (report, problem) = await importer.ImportAsync(stream,
            new MatrixImportRequest(file.FileName, state.Length > 0 ? state : null, session, cycle, dryRun), cancellationToken);
        if (report is null) return problem!.Problem(StatusCodes.Status422UnprocessableEntity);
        if (!report.DryRun && report.Created + report.Enriched > 0) search.MarkStale();
        return TypedResults.Ok(MatrixImportResponse.From(report));
    }

    private static bool TryNumber(IFormCollection form, string key, out int? value)
    {
        value = null;
        var text = form[key].ToString().Trim();
        if (text.Length == 0) return true;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return false;
        value = number;
        return true;
    }

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);
}
