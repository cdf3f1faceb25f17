using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Spean.Core;
using Spean.Core.Stakeholders.Import;
using Spean.Core.Stakeholders.Register;
using Spean.Web.Accounts;
using Spean.Web.Infrastructure;

namespace Spean.Web.Stakeholders;

/// <summary>The multipart form of a register import.</summary>
/// <param name="File">CSV with a header row: external_id, kind, level, name_latin, name_khmer, place, country, concessions, tags, confidentiality, phone, email, address, messaging.</param>
public sealed record StakeholderUploadRequest(IFormFile File);

internal static class StakeholdersApi
{
    internal const string Path = "/api/v1/stakeholders";
    private const long MaxImportBytes = 50_000_000;

    public static void MapStakeholdersApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup(Path).WithTags("Stakeholders").AllowAnonymous().RequireRateLimiting(ApiConventions.PublicApiLimit);
        open.MapGet("/", List).WithSummary(
            "Search the register by the start of a Khmer or Latin name (q), kind, level, place (gazetteer code or its start), tag and people=true|false. " +
            "Only stakeholders the caller may see are listed and counted; contact details are never searched.");
        open.MapGet("/{id:guid}", Get).WithSummary(
            "A stakeholder with its positions (current and past); contact details only to signed-in callers who may see the record.");

        var members = app.MapGroup(Path).WithTags("Stakeholders").RequireAuthorization(Policies.Member);
        members.MapPost("/", Add).WithSummary("Add an organisation or person to the register for your organisation; contact details are stored encrypted.");
        members.MapPut("/{id:guid}", Update).WithSummary("Change a stakeholder (members of the organisation that keeps it, or whoever added it).");
        members.MapPost("/{id:guid}/positions", AddPosition).WithSummary("Record a person's position in an organisation, from a date and until a date or still held.");
        members.MapPut("/{id:guid}/positions/{positionId:guid}/end", EndPosition)
            .WithSummary("End a person's position (after an election, say); it stays in the history.");
        // Scripts send a personal access token; a browser's cookie is SameSite=Lax, so another site cannot post here with it.
        members.MapPost("/import", Import).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes))
            .Accepts<StakeholderUploadRequest>("multipart/form-data")
            .WithSummary("Import stakeholders from CSV into your organisation's register. Good rows are saved, bad ones listed by line and reason; " +
                "the same file again updates instead of duplicating (matched by external_id, else by kind, Latin name and place).");

        var signedIn = app.MapGroup(Path).WithTags("Stakeholders").RequireAuthorization(Policies.SignedIn);
        signedIn.MapGet("/export.csv", ExportCsv).Produces(StatusCodes.Status200OK, contentType: "text/csv").WithSummary(
            "The register as CSV, filtered as the search is; only what you may see, contact details only of records whose contacts you may see, never notes.");
        signedIn.MapGet("/export.vcf", ExportVCards).Produces(StatusCodes.Status200OK, contentType: "text/vcard").WithSummary(
            "The people of the register, filtered as the search is, as vCards (version=3 or 4); contact details as in the CSV export.");
        signedIn.MapGet("/{id:guid}/vcard", VCard).Produces(StatusCodes.Status200OK, contentType: "text/vcard").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One person as a vCard (version=3 or 4).");
    }

    private static async Task<Results<Ok<StakeholderListResponse>, ProblemHttpResult>> List(
        StakeholderRegister register, ClaimsPrincipal user, string? q, string? kind, string? level, string? place, string? tag, bool? people,
        int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (Query(q, kind, level, place, tag, people, page, pageSize) is not { } query)
            return BadRequest("'kind' is a stakeholder kind (e.g. Person, Ministry, CommuneCouncil) and 'level' is Local, Provincial, National or International.");
        var found = await register.SearchAsync(query, user.Viewer(), cancellationToken);
        return TypedResults.Ok(new StakeholderListResponse([.. found.Items.Select(StakeholderListItem.Of)], found.Total, found.Page, found.PageSize, found.MoreThanTotal));
    }

    private static async Task<Results<Ok<StakeholderResponse>, ProblemHttpResult>> Get(
        StakeholderRegister register, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken) =>
        await register.ViewAsync(id, user.Viewer(), cancellationToken) is { } view ? TypedResults.Ok(StakeholderResponse.Of(view)) : NoSuchStakeholder();

    private static async Task<Results<Created<StakeholderResponse>, ValidationProblem, ProblemHttpResult>> Add(
        StakeholderRegister register, ClaimsPrincipal user, StakeholderRequest request, CancellationToken cancellationToken)
    {
        var viewer = user.Viewer();
        var outcome = await register.AddAsync(request.Input(), viewer, cancellationToken);
        if (outcome.Value is not { } saved) return AsProblem(outcome.Refusal!) is { } problem ? problem : outcome.Refusals.Invalid();
        var view = await register.ViewAsync(saved, viewer, cancellationToken);
        return TypedResults.Created($"{Path}/{saved.Id}", StakeholderResponse.Of(view));
    }

    private static async Task<Results<Ok<StakeholderResponse>, ValidationProblem, ProblemHttpResult>> Update(
        StakeholderRegister register, ClaimsPrincipal user, Guid id, StakeholderRequest request, CancellationToken cancellationToken)
    {
        var viewer = user.Viewer();
        var outcome = await register.UpdateAsync(id, request.Input(), viewer, cancellationToken);
        if (outcome.Value is not { } saved) return AsProblem(outcome.Refusal!) is { } problem ? problem : outcome.Refusals.Invalid();
        return TypedResults.Ok(StakeholderResponse.Of(await register.ViewAsync(saved, viewer, cancellationToken)));
    }

    private static async Task<Results<Created<StakeholderResponse>, ValidationProblem, ProblemHttpResult>> AddPosition(
        StakeholderRegister register, ClaimsPrincipal user, Guid id, PositionRequest request, CancellationToken cancellationToken)
    {
        var viewer = user.Viewer();
        var outcome = await register.AddPositionAsync(id, new(request.OrganisationId, request.TitleEn, request.TitleKm, request.From, request.To), viewer, cancellationToken);
        if (outcome.Value is not { } saved) return AsProblem(outcome.Refusal!) is { } problem ? problem : outcome.Refusals.Invalid();
        return TypedResults.Created($"{Path}/{id}", StakeholderResponse.Of((await register.ViewAsync(id, viewer, cancellationToken))!));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> EndPosition(
        StakeholderRegister register, ClaimsPrincipal user, Guid id, Guid positionId, EndPositionRequest request, CancellationToken cancellationToken)
    {
        var refusal = await register.EndPositionAsync(id, positionId, request.To, user.Viewer(), cancellationToken);
        return refusal is null ? TypedResults.NoContent() : AsProblem(refusal) is { } problem ? problem : new[] { refusal }.Invalid();
    }

    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> Import(
        HttpRequest request, StakeholderImporter importer, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType) return BadRequest("Send the file as multipart/form-data with the CSV in the field 'file'.");
        if (await request.ReadFormOrNullAsync(cancellationToken) is not { } form)
            return BadRequest("The form could not be read: send the file as multipart/form-data with the CSV in the field 'file'.");
        if (form.Files.GetFile("file") is not { Length: > 0 } file) return BadRequest("The form has no file in the field 'file': attach the CSV.");
        await using var stream = file.OpenReadStream();
        var (result, refusal) = await importer.ImportAsync(stream, user.Viewer(), cancellationToken);
        if (result is null) return refusal!.Problem(StatusCodes.Status400BadRequest);
        return TypedResults.Ok(new ImportResponse(result.Created, result.Updated, [.. result.Errors.Select(e => new ImportRowErrorResponse(e.Line, e.Field, e.Reason))]));
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ExportCsv(
        HttpContext context, StakeholderExport export, string? q, string? kind, string? level, string? place, string? tag, bool? people, CancellationToken cancellationToken)
    {
        if (Query(q, kind, level, place, tag, people, null, null) is not { } query)
            return BadRequest("'kind' is a stakeholder kind (e.g. Person, Ministry) and 'level' is Local, Provincial, National or International.");
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"stakeholders.csv\"";
        await export.WriteCsvAsync(query, context.User.Viewer(), context.Response.Body, cancellationToken);
        return TypedResults.Empty;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ExportVCards(
        StakeholderExport export, ClaimsPrincipal user, string? q, string? level, string? place, string? tag, int? version, CancellationToken cancellationToken)
    {
        if (Query(q, null, level, place, tag, true, null, null) is not { } query || Version(version) is not { } v)
            return BadRequest("'version' is 3 or 4 and 'level' is Local, Provincial, National or International.");
        return TypedResults.Text(await export.VCardsAsync(query, user.Viewer(), v, cancellationToken: cancellationToken), StakeholderExport.VCardContentType);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> VCard(
        StakeholderExport export, ClaimsPrincipal user, Guid id, int? version, CancellationToken cancellationToken)
    {
        if (Version(version) is not { } v) return BadRequest("'version' is 3 or 4.");
        var card = await export.VCardsAsync(new StakeholderQuery(), user.Viewer(), v, id, cancellationToken);
        return card.Length == 0 ? NoSuchStakeholder() : TypedResults.Text(card, StakeholderExport.VCardContentType);
    }

    internal static StakeholderQuery? Query(string? q, string? kind, string? level, string? place, string? tag, bool? people, int? page, int? pageSize) =>
        EnumNames.TryParseOptional<StakeholderKind>(string.IsNullOrWhiteSpace(kind) ? null : kind, out var k)
        && EnumNames.TryParseOptional<StakeholderLevel>(string.IsNullOrWhiteSpace(level) ? null : level, out var l)
            ? new StakeholderQuery(q, k, l, place, tag, people, page ?? 1, pageSize ?? 50)
            : null;

    private static VCardVersion? Version(int? version) => version switch
    {
        null or 4 => VCardVersion.V4,
        3 => VCardVersion.V3,
        _ => null,
    };

    /// <summary>Also the answer for stakeholders the caller may not see, so a hidden record cannot be told from a missing one.</summary>
    internal static ProblemHttpResult NoSuchStakeholder() =>
        TypedResults.Problem("There is no stakeholder with that id that you may see.", statusCode: StatusCodes.Status404NotFound);

    internal static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    internal static ProblemHttpResult? AsProblem(Refusal refusal) => refusal.Code switch
    {
        StakeholderProblem.NotFound => NoSuchStakeholder(),
        StakeholderProblem.MayNotAdd or StakeholderProblem.MayNotEdit => refusal.Problem(StatusCodes.Status403Forbidden),
        _ => null,
    };
}
