using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Spean.Core;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;
using Spean.Web.Accounts;
using Spean.Web.Infrastructure;
using Microsoft.Net.Http.Headers;
using Spean.Core.Monitoring.Evidence;
using Spean.Core.Monitoring.Evidence.Formats;

namespace Spean.Web.Monitoring;

/// <param name="ContentProblem">What is wrong with the stored bytes (altered, missing, not decryptable); null when they still match.</param>
/// <param name="CustodyProblem">The first custody entry that does not match; null when the chain holds.</param>
public sealed record FileVerificationResponse(
    Guid FileId, string StoredName, string Sha256, bool Intact, string? ContentProblem, int CustodyEntries, string? CustodyProblem);

/// <param name="Files">Every file checked, those with a problem first.</param>
public sealed record VerificationResponse(int FilesChecked, int FilesIntact, int FilesWithProblems, bool AllIntact, IReadOnlyList<FileVerificationResponse> Files);

/// <summary>The multipart form an evidence upload sends; read as it streams in, never bound.</summary>
/// <param name="File">The original file, as the device holds it.</param>
/// <param name="Sha256">The SHA-256 the device computed, 64 hexadecimal characters: a file that arrives different is refused.</param>
/// <param name="ClientUploadId">Made on the device before the first try: a retry by the same person to the same report answers with the file already kept.</param>
/// <param name="Offset">
/// With sha256 and clientUploadId sent before the file, the upload can be continued after a broken connection: the file's
/// bytes from this offset on, which must be the receivedBytes the server holds (0, the default, starts again).
/// </param>
public sealed record EvidenceUploadRequest(IFormFile File, string Sha256, Guid ClientUploadId, long? Offset);

/// <param name="ReceivedBytes">Bytes of the file the server holds, to send the rest from (the multipart field 'offset'); 0 when none.</param>
/// <param name="FileId">The evidence file the upload became once it arrived whole; null until then.</param>
public sealed record EvidenceUploadProgress(Guid ClientUploadId, long ReceivedBytes, Guid? FileId);

internal static class EvidenceApi
{
    public static string PublicCopyPath(Guid reportId, Guid fileId) => $"/api/v1/reports/{reportId}/evidence/{fileId}/public";

    public static void MapEvidenceApi(this IEndpointRouteBuilder app)
    {
        var signedIn = app.MapGroup(ReportsApi.Path).WithTags("Reports").RequireAuthorization(Policies.SignedIn);
        // The web server's own limits (30 MB a request, 128 MB a form) would refuse a phone video long before Spean's limit does.
        var uploadLimit = app.ServiceProvider.GetRequiredService<EvidenceOptions>().MaxBytes + 1_000_000;
        signedIn.MapPost("/{id:guid}/evidence", Upload).OpensReport(identities: true).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(uploadLimit)).Accepts<EvidenceUploadRequest>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Upload evidence (multipart: file, sha256, clientUploadId); a hash mismatch is refused. " +
                "Sending the same clientUploadId again to the same report returns the file already kept; any other use of it is refused (409). " +
                "Sent before the file, sha256 and clientUploadId make the upload resumable: a connection broken midway keeps what arrived, " +
                "and the next try sends the rest with 'offset' (GET .../evidence/uploads/{clientUploadId} says from where; another offset is refused, 409).");
        signedIn.MapGet("/{id:guid}/evidence/uploads/{clientUploadId:guid}", Progress).OpensReport(identities: true)
            .WithSummary("How much of your upload the server holds, to send the rest from after a broken connection; or the evidence file it became. " +
                "Only the person who sent it sees it; for anyone else it is 0.");
        signedIn.MapGet("/{id:guid}/evidence/{fileId:guid}", (HttpContext c, SpeanDbContext db, EvidenceStore e, Guid id, Guid fileId) =>
            Original(c, db, e, id, fileId, CustodyAction.Downloaded)).OpensReport(identities: true).WithSummary("Download an original evidence file; logged in its custody chain.");
        signedIn.MapGet("/{id:guid}/evidence/{fileId:guid}/view", (HttpContext c, SpeanDbContext db, EvidenceStore e, Guid id, Guid fileId) =>
            Original(c, db, e, id, fileId, CustodyAction.Viewed)).OpensReport(identities: true).WithSummary("Open an original evidence file in the browser; logged in its custody chain as viewed.");
        app.MapGet("/api/v1/reports/{id:guid}/evidence/{fileId:guid}/public", PublicCopy).WithTags("Reports")
            .AllowAnonymous().RequireRateLimiting(ApiConventions.PublicApiLimit)
            .WithSummary("An evidence file of a published report without its metadata: photos without EXIF or XMP, video and audio without location, " +
                "device, tags or capture times, PDF and Office documents without author names, properties or comments' authors. Unpublished reports have no public copy.");
        app.MapGroup("/api/v1/evidence").WithTags("Evidence").RequireAuthorization(Policies.NetworkAdministrator)
            .MapPost("/verification", VerifyAsync)
            .WithSummary("Hashes every stored evidence file again and walks every custody log; names each file that does not match.");
    }

    private static async Task<Ok<EvidenceUploadProgress>> Progress(HttpContext context, EvidenceStore store, Guid id, Guid clientUploadId)
    {
        var reportId = OpenedReport.Of(context, id).Id;
        var kept = await store.KeptAsync(reportId, clientUploadId, context.RequestAborted);
        return TypedResults.Ok(new EvidenceUploadProgress(clientUploadId, kept?.Size ?? store.Held(reportId, clientUploadId), kept?.Id));
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Original(
        HttpContext context, SpeanDbContext db, EvidenceStore store, Guid id, Guid fileId, CustodyAction action)
    {
        var reportId = OpenedReport.Of(context, id).Id;
        if (await db.EvidenceFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId && f.ReportId == reportId, context.RequestAborted) is not { } file)
            return TypedResults.Problem("This report has no evidence file with that id.", statusCode: StatusCodes.Status404NotFound);
        context.Response.ContentType = file.ContentType;
        var disposition = action == CustodyAction.Viewed ? "inline" : "attachment";
        context.Response.Headers.ContentDisposition = $"{disposition}; filename=\"evidence-{file.Id}\"";
        // Opened from Spean's own origin: the browser must take the type checked on upload, never guess HTML from the bytes.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        await store.WriteOriginalAsync(file, context.Response.Body, action, context.RequestAborted);
        return TypedResults.Empty;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> PublicCopy(
        HttpContext context, ReportSearch search, SpeanDbContext db, PublicCopies copies, Guid id, Guid fileId)
    {
        var cancellationToken = context.RequestAborted;
        if (await search.FindAsync(id, context.User.Viewer(), cancellationToken) is not { } report) return ReportsApi.NoSuchReport();
        if (report.Status != ReportStatus.Published)
            return NotFound("This report is not published, so its evidence has no public copy.");
        if (await db.EvidenceFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId && f.ReportId == id, cancellationToken) is not { } file)
            return NotFound("This report has no evidence file with that id.");
        if (!PublicCopies.HasPublicCopy(file))
            return NotFound($"This file is {file.ContentType}, whose metadata Spean cannot remove, so it has no public copy.");

        context.Response.ContentType = file.ContentType;
        // The original name is confidential (people name recordings after the person recorded); the id is not.
        context.Response.Headers.ContentDisposition = $"inline; filename=\"evidence-{file.Id}{Extension(file.ContentType)}\"";
        // Private: the copy of an Organisation-level report must not sit in a shared cache.
        context.Response.Headers.CacheControl = "private, max-age=3600";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        try
        {
            await copies.WritePublicCopyAsync(file, context.Response.Body, cancellationToken);
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

    private static string Extension(string contentType) => EvidenceFormats.Of(contentType)?.Extension ?? "";

    private static ProblemHttpResult NotFound(string message) => TypedResults.Problem(message, statusCode: StatusCodes.Status404NotFound);

    // Reads the multipart body as it arrives, without the framework's form binding: that buffers any file over 64 KB
    // in clear in a temporary file. The file goes straight into the encrypting writer; the fields may come before or after it.
    // (A plain comment: an XML summary on a handler would replace the operation's summary in the OpenAPI document.)
    private static async Task<Results<Created<EvidenceResponse>, Ok<EvidenceResponse>, ProblemHttpResult>> Upload(
        HttpContext context, EvidenceStore store, Guid id, CancellationToken cancellationToken)
    {
        var report = OpenedReport.Of(context, id);
        if (!ReportWorkflow.TakesEvidence(report.Status))
            return new Refusal(EvidenceRejection.ReportClosed,
                $"This report is {report.Status}: evidence can be added only until a coordinator verifies it, so that what is published has been reviewed.")
                .Problem(StatusCodes.Status409Conflict);
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            return BadRequest("Send the evidence as multipart/form-data with the fields 'file', 'sha256' and 'clientUploadId'.");

        EvidenceReceived? received = null;
        try
        {
            string? name = null, sha256 = null, clientUploadId = null, offsetField = null;
            var reader = new MultipartReader(boundary, context.Request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                switch (HeaderUtilities.RemoveQuotes(disposition.Name).Value)
                {
                    case "file" when disposition.IsFileDisposition():
                        if (received is not null) return BadRequest("Send one file per upload, as the multipart field 'file'.");
                        name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                        Outcome<EvidenceReceived> arrived;
                        if (sha256 is not null && Guid.TryParse(clientUploadId, out var resumable))
                        {
                            if (!long.TryParse(offsetField ?? "0", NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
                                return BadRequest($"The field 'offset' must be the number of bytes of this file the server holds (GET {ReportsApi.Path}/{report.Id}/evidence/uploads/{resumable}), 0 or more; it was \"{offsetField}\".");
                            // Settled before the file is read: a try that went through but whose answer was lost is answered at once.
                            if (await store.EarlierAsync(new EvidenceUpload(report.Id, resumable, name, sha256), cancellationToken) is { } earlier)
                                return Answer(report.Id, earlier);
                            arrived = await store.ReceiveAsync(report.Id, resumable, offset, section.Body, cancellationToken);
                        }
                        else if (offsetField is not null)
                            return BadRequest("To send a file from an offset, send the fields 'sha256', 'clientUploadId' and 'offset' before the file.");
                        else arrived = await store.ReceiveAsync(section.Body, cancellationToken);
                        if (arrived.Refusal is { } refused) return Rejected(refused);
                        received = arrived.Value;
                        break;
                    case "sha256":
                        sha256 = await FieldAsync(section, cancellationToken);
                        break;
                    case "clientUploadId":
                        clientUploadId = await FieldAsync(section, cancellationToken);
                        break;
                    case "offset":
                        offsetField = await FieldAsync(section, cancellationToken);
                        break;
                }
            }
            if (received is null) return BadRequest("Attach the evidence as the multipart field 'file'.");
            if (string.IsNullOrWhiteSpace(sha256)) return BadRequest("Send the SHA-256 your device computed as the field 'sha256'.");
            if (!Guid.TryParse(clientUploadId, out var uploadId)) return BadRequest("Send the id your device made for this upload as the field 'clientUploadId' (a GUID).");
            return Answer(report.Id, await store.KeepAsync(new EvidenceUpload(report.Id, uploadId, name ?? "", sha256), received, cancellationToken));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new Refusal(EvidenceRejection.TooLarge, "This upload is larger than the limit for evidence files. Nothing was kept.").Problem(e.StatusCode);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
        {
            return BadRequest("The multipart body could not be read: send the fields 'file', 'sha256' and 'clientUploadId' as multipart/form-data.");
        }
        finally
        {
            received?.Dispose();
        }
    }

    private static Results<Created<EvidenceResponse>, Ok<EvidenceResponse>, ProblemHttpResult> Answer(Guid reportId, Outcome<EvidenceStored> kept)
    {
        if (kept.Refusal is { } refusal) return Rejected(refusal);
        var (f, alreadyStored) = kept.Value!;
        var response = new EvidenceResponse(f.Id, f.ContentType, f.Size, f.Sha256, f.UploadedAt, f.CapturedAt, f.Latitude, f.Longitude, f.Device);
        return alreadyStored ? TypedResults.Ok(response) : TypedResults.Created($"{ReportsApi.Path}/{reportId}/evidence/{f.Id}", response);
    }

    private static ProblemHttpResult Rejected(Refusal rejected) => rejected.Problem(rejected.Code switch
    {
        EvidenceRejection.TooLarge => StatusCodes.Status413PayloadTooLarge,
        EvidenceRejection.UploadIdReused or EvidenceRejection.OffsetMismatch or EvidenceRejection.UploadInProgress => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    });

    /// <summary>A text field of the upload: a hash or an id, so a few hundred characters at most.</summary>
    private static async Task<string> FieldAsync(MultipartSection section, CancellationToken cancellationToken)
    {
        var buffer = new char[201];
        using var text = new StreamReader(section.Body, System.Text.Encoding.UTF8);
        var read = await text.ReadBlockAsync(buffer, cancellationToken);
        return new string(buffer, 0, Math.Min(read, 200));
    }

    private static ProblemHttpResult BadRequest(string message) => TypedResults.Problem(message, statusCode: StatusCodes.Status400BadRequest);
}
