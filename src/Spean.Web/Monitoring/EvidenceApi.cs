using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Monitoring;
using Spean.Core.Monitoring.Reports;
using Spean.Web.Accounts;
using Spean.Web.Infrastructure;

namespace Spean.Web.Monitoring;

/// <param name="ContentProblem">What is wrong with the stored bytes (altered, missing, not decryptable); null when they still match.</param>
/// <param name="CustodyProblem">The first custody entry that does not match; null when the chain holds.</param>
public sealed record FileVerificationResponse(
    Guid FileId, string StoredName, string Sha256, bool Intact, string? ContentProblem, int CustodyEntries, string? CustodyProblem);

/// <param name="Files">Every file checked, those with a problem first.</param>
public sealed record VerificationResponse(int FilesChecked, int FilesIntact, int FilesWithProblems, bool AllIntact, IReadOnlyList<FileVerificationResponse> Files);

internal static class EvidenceApi
{
    public static string PublicCopyPath(Guid reportId, Guid fileId) => $"/api/v1/reports/{reportId}/evidence/{fileId}/public";

    public static void MapEvidenceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/reports/{id:guid}/evidence/{fileId:guid}/public", PublicCopy).WithTags("Reports")
            .AllowAnonymous().RequireRateLimiting(ApiConventions.PublicApiLimit)
            .WithSummary("An evidence file of a published report without its metadata: photos without EXIF or XMP, video and audio without location, " +
                "device, tags or capture times, PDF and Office documents without author names, properties or comments' authors. Unpublished reports have no public copy.");
        app.MapGroup("/api/v1/evidence").WithTags("Evidence").RequireAuthorization(Policies.NetworkAdministrator)
            .MapPost("/verification", VerifyAsync)
            .WithSummary("Hashes every stored evidence file again and walks every custody log; names each file that does not match.");
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> PublicCopy(
        HttpContext context, ReportSearch search, SpeanDbContext db, EvidenceStore store, Guid id, Guid fileId)
    {
        var cancellationToken = context.RequestAborted;
        if (await search.FindAsync(id, context.User.Viewer(), cancellationToken) is not { } report) return ReportsApi.NoSuchReport();
        if (report.Status != ReportStatus.Published)
            return NotFound("This report is not published, so its evidence has no public copy.");
        if (await db.EvidenceFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId && f.ReportId == id, cancellationToken) is not { } file)
            return NotFound("This report has no evidence file with that id.");
        if (!EvidenceStore.HasPublicCopy(file))
            return NotFound($"This file is {file.ContentType}, whose metadata Spean cannot remove, so it has no public copy.");

        context.Response.ContentType = file.ContentType;
        // The original name is confidential (people name recordings after the person recorded); the id is not.
        context.Response.Headers.ContentDisposition = $"inline; filename=\"evidence-{file.Id}{Extension(file.ContentType)}\"";
        // Private: the copy of an Organisation-level report must not sit in a shared cache.
        context.Response.Headers.CacheControl = "private, max-age=3600";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        try
        {
            await store.WritePublicCopyAsync(file, context.Response.Body, cancellationToken);
        }
        catch (InvalidDataException) when (!context.Response.HasStarted)
        {
            return TypedResults.Problem("Spean cannot read this file's structure, so it cannot remove its metadata and does not publish it.",
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        catch (InvalidDataException)
        {
            context.Abort();
        }
        return TypedResults.Empty;
    }

    private static async Task<Ok<VerificationResponse>> VerifyAsync(EvidenceVerification verification, CancellationToken cancellationToken)
    {
        var report = await verification.VerifyAllAsync(cancellationToken: cancellationToken);
        var files = report.Files.OrderBy(f => f.Intact)
            .Select(f => new FileVerificationResponse(f.FileId, f.StoredName, f.Sha256, f.Intact, f.ContentProblem, f.Custody.Entries, f.Custody.Problem))
            .ToList();
        var intact = files.Count(f => f.Intact);
        return TypedResults.Ok(new VerificationResponse(files.Count, intact, files.Count - intact, report.AllIntact, files));
    }

    private static string Extension(string contentType) => contentType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        "image/heic" => ".heic",
        "video/mp4" => ".mp4",
        "video/quicktime" => ".mov",
        "audio/mp4" => ".m4a",
        "audio/mpeg" => ".mp3",
        "audio/ogg" => ".ogg",
        "audio/wav" => ".wav",
        "application/pdf" => ".pdf",
        "application/vnd.oasis.opendocument.text" => ".odt",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => ".xlsx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => ".docx",
        _ => "",
    };

    private static ProblemHttpResult NotFound(string message) => TypedResults.Problem(message, statusCode: StatusCodes.Status404NotFound);
}
