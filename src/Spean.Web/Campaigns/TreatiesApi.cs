using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Spean.Core;
using Spean.Core.Campaigns.Treaties;
using Spean.Core.Taxonomies;
using Spean.Web.Accounts;
using Spean.Web.Infrastructure;

namespace Spean.Web.Campaigns;

/// <param name="Status">member (party), signatory, former_member (withdrawn), or null (neither).</param>
public sealed record TreatyStateResponse(string Iso3, string Name, string NameKm, string? Status, DateOnly? SignedOn, DateOnly? JoinedOn, DateOnly? InForceOn);

/// <param name="Kind">BecameParty, BecameSignatory, Withdrew or DatesChanged.</param>
/// <param name="Before">Status and signed/joined/in-force dates before, as "member 1997-12-03/1999-07-28/2000-01-01"; null for a State new to the list.</param>
public sealed record TreatyChangeResponse(DateTime At, string Iso3, string Name, string Kind, string? Before, string After, string FileName);

/// <param name="NotParty">UN member States neither party nor signatory.</param>
public sealed record TreatyResponse(string Treaty, string NameEn, string NameKm, IReadOnlyList<TreatyStateResponse> Parties,
    IReadOnlyList<TreatyStateResponse> Signatories, IReadOnlyList<TreatyStateResponse> NotParty, IReadOnlyList<TreatyChangeResponse> Changes);

/// <param name="Problem">UnknownState, UnknownStatus, UnreadableDate or DuplicateState.</param>
public sealed record TreatyRefusedRowResponse(int Line, string Value, string Problem, string Reason);

public sealed record TreatyImportResponse(Guid ImportId, string Treaty, int Rows, IReadOnlyList<TreatyChangeResponse> Changes,
    IReadOnlyList<TreatyRefusedRowResponse> Refused, int StatementsDrafted, int Notified);

/// <param name="File">CSV with a header row: iso3, status (party, signatory or withdrawn), signed, joined, in_force (yyyy-mm-dd).</param>
public sealed record TreatyUploadRequest(IFormFile File);

internal static class TreatiesApi
{
    public static void MapTreatiesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup(CampaignsApi.Path + "/treaties").WithTags("Campaigns").RequireAuthorization(Policies.SignedIn)
            .MapGet("/{treaty}", View)
            .WithSummary("A treaty's States parties and signatories with their dates, the UN member States not yet party, and the history of changes " +
                "(treaty: MineBan or ClusterMunitions).");
        // Scripts send a personal access token; a browser's cookie is SameSite=Lax, so another site cannot post here with it.
        app.MapGroup(CampaignsApi.Path + "/treaties").WithTags("Campaigns").RequireAuthorization(Policies.Coordinator)
            .MapPost("/{treaty}/import", ImportAsync).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(TreatyImporter.MaxFileBytes + 100_000))
            .Accepts<TreatyUploadRequest>("multipart/form-data")
            .WithSummary("Import a treaty's membership from CSV (field 'file'). Rows that cannot be read are listed with line and reason; the same file " +
                "again changes nothing. A State that became party notifies the members of campaigns following the treaty and drafts each a welcome statement.");
    }

    private static async Task<Results<Ok<TreatyResponse>, ProblemHttpResult>> View(TreatyTracker tracker, string treaty, CancellationToken cancellationToken)
    {
        if (!EnumNames.TryParse<Treaty>(treaty, out var which)) return UnknownTreaty(treaty);
        var view = await tracker.ViewAsync(which, cancellationToken: cancellationToken);
        return TypedResults.Ok(new TreatyResponse(which.ToString(), TreatyNames.En(which), TreatyNames.Km(which),
            [.. view.Parties.Select(State)], [.. view.Signatories.Select(State)], [.. view.NotParty.Select(State)],
            [.. view.Changes.Select(c => new TreatyChangeResponse(c.At, c.Iso3, c.Name, c.Kind.ToString(), c.Before, c.After, c.FileName))]));
    }

    private static async Task<Results<Ok<TreatyImportResponse>, ProblemHttpResult>> ImportAsync(HttpRequest request, TreatyImporter importer,
        ClaimsPrincipal user, string treaty, CancellationToken cancellationToken)
    {
        if (!EnumNames.TryParse<Treaty>(treaty, out var which)) return UnknownTreaty(treaty);
        if (!request.HasFormContentType)
            return CampaignsApi.Problem(TreatyImportProblem.Unreadable, "Send the CSV as multipart/form-data in the field 'file'.", StatusCodes.Status400BadRequest);
        if (await request.ReadFormOrNullAsync(cancellationToken) is not { } form)
            return CampaignsApi.Problem(TreatyImportProblem.Unreadable, "The form could not be read: send the CSV as multipart/form-data in the field 'file'.",
                StatusCodes.Status400BadRequest);
        if (form.Files.GetFile("file") is not { Length: > 0 } file)
            return CampaignsApi.Problem(TreatyImportProblem.Unreadable, "The form has no file in the field 'file': attach the membership CSV.",
                StatusCodes.Status400BadRequest);
        if (file.Length > TreatyImporter.MaxFileBytes)
            return CampaignsApi.Problem(TreatyImportProblem.FileTooLarge, $"The file is larger than {TreatyImporter.MaxFileBytes} bytes; a membership list is far smaller.",
                StatusCodes.Status413PayloadTooLarge);
        await using var stream = file.OpenReadStream();
        var (report, refusal) = await importer.ImportAsync(stream, file.FileName, which, user.Viewer(), cancellationToken);
        if (report is null)
            return CampaignsApi.Problem(refusal!.Code, refusal.Message,
                refusal.Code is TreatyImportProblem.MayNotImport ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity);
        return TypedResults.Ok(Response(report));
    }

    internal static TreatyImportResponse Response(TreatyImportReport r) => new(r.ImportId, r.Treaty.ToString(), r.Rows,
        [.. r.Changes.Select(c => new TreatyChangeResponse(c.At, c.CountryIso3, c.CountryIso3, c.Kind.ToString(), c.Before, c.After, ""))],
        [.. r.Refused.Select(x => new TreatyRefusedRowResponse(x.Line, x.Value, x.Problem.ToString(), x.Reason))], r.StatementsDrafted, r.Notified);

    private static TreatyStateResponse State(TreatyState s) => new(s.Iso3, s.Name, s.NameKm, s.Status, s.SignedOn, s.JoinedOn, s.InForceOn);

    private static ProblemHttpResult UnknownTreaty(string treaty) => CampaignsApi.Problem(TreatyImportProblem.Unreadable,
        $"'{treaty}' is not a treaty Spean tracks: use MineBan or ClusterMunitions.", StatusCodes.Status404NotFound);
}
