using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spean.Core;
using Spean.Core.Auditing;
using Spean.Core.Exports;
using Spean.Core.Monitoring.Reports;
using Spean.Web.Accounts;
using Spean.Web.Infrastructure;
using Spean.Core.Monitoring.People;

namespace Spean.Web.Monitoring;

/// <param name="AdminUnitCode">The place in Cambodia's gazetteer; null for a report located in another country.</param>
/// <param name="CountryIso3">The country the report is located in when not Cambodia (alpha-3).</param>
public sealed record ReportSummary(
    Guid Id, string Title, string Category, string Status, string Confidentiality, string? AdminUnitCode, string? CountryIso3,
    DateOnly OccurredFrom, DateOnly? OccurredTo, DateTime ReportedAt);

/// <summary>
/// A page of reports and, for each filter, how many reports each of its values would give: a filter's counts leave
/// out its own choice and follow the other filters. ByEvidence is keyed "true" and "false", ByProvince by province code (and by alpha-3 code for reports located in other countries).
/// </summary>
public sealed record ReportListResponse(
    int Total, int Page, int PageSize, IReadOnlyList<ReportSummary> Items, IReadOnlyDictionary<string, int> ByCategory, IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyDictionary<string, int> ByConfidentiality, IReadOnlyDictionary<string, int> ByEvidence, IReadOnlyDictionary<string, int> ByProvince);

public sealed record TransitionRequest(string? To, string? Reason);

internal static class ReportsApi
{
    internal const string Path = "/api/v1/reports";

    public static void MapReportsApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup(Path).WithTags("Reports").AllowAnonymous();
        open.MapGet("/", List).WithSummary(
            "Reports the caller may see, filtered and searched ('q': words that must all occur in the title, narrative or tags, Khmer included), with counts by category, status, confidentiality, evidence and province over the same visible matches; each filter's counts leave out its own choice.").DescribesSearchWords();
        open.MapGet("/export.csv", (HttpContext c, ReportExport e, AuditTrail a, [AsParameters] ReportFilterParameters f) => Export(c, e, a, f, ExportFormat.Csv))
            .WithSummary("Every report the caller may see within the filters and search words ('q', as in the list), with every field, as CSV; people named appear as pseudonym and role only.").DescribesSearchWords();
        open.MapGet("/export.xlsx", (HttpContext c, ReportExport e, AuditTrail a, [AsParameters] ReportFilterParameters f) => Export(c, e, a, f, ExportFormat.Xlsx))
            .WithSummary("The same as export.csv, as an Excel workbook.").DescribesSearchWords();
        open.MapGet("/feed.atom", ReportFeed.WriteAsync).Produces(StatusCodes.Status200OK, contentType: "application/atom+xml").WithSummary(
            $"An Atom feed of the {ReportFeed.Entries} reports the caller may see that changed last, within any filter of the list; in Khmer with culture=km.");
        open.MapGet("/timeline", Timeline).WithSummary("The reports the caller may see in and under a place (any filter of the list), oldest first, by year and month, with counts by category; reports come 200 a page ('page').");
        open.MapGet("/{id:guid}", Get).WithSummary("One report; anonymous callers get the public copy, without people or evidence.");

        var signedIn = app.MapGroup(Path).WithTags("Reports").RequireAuthorization(Policies.SignedIn);
        app.MapGroup(Path).WithTags("Reports").RequireAuthorization(Policies.Member)
            .MapPost("/", Create).WithSummary("File a report; sending the same clientId again returns the report already filed.");
        signedIn.MapPut("/{id:guid}", Update).OpensReport().WithSummary("Change a draft (its author).");
        signedIn.MapPost("/{id:guid}/transitions", Transition).OpensReport().WithSummary("Move a report through review: {to, reason}.");
        signedIn.MapPost("/{id:guid}/people", AddPerson).OpensReport(identities: true)
            .WithSummary("Name a victim, witness or source; stored encrypted. Sending the same clientId again returns the person already named.");
    }

    private static async Task<Results<Ok<ReportListResponse>, ProblemHttpResult>> List(
        ReportSearch search, ClaimsPrincipal user, [AsParameters] ReportFilterParameters parameters, CancellationToken cancellationToken)
    {
        var (filter, error) = parameters.Parse();
        if (filter is null) return BadRequest(error!.Message);
        var results = await search.SearchAsync(filter, user.Viewer(), cancellationToken);
        return TypedResults.Ok(new ReportListResponse(results.Total, filter.Page, filter.PageSize,
            results.Items.Select(Summary).ToList(), results.ByCategory,
            results.ByStatus.ToDictionary(s => s.Key.ToString(), s => s.Value),
            results.ByConfidentiality.ToDictionary(c => c.Key.ToString(), c => c.Value),
            results.ByEvidence.ToDictionary(e => e.Key ? "true" : "false", e => e.Value),
            results.ByProvince));
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Export(
        HttpContext context, ReportExport export, AuditTrail audit, ReportFilterParameters parameters, ExportFormat format)
    {
        var (filter, error) = parameters.Parse();
        if (filter is null) return BadRequest(error!.Message);
        await audit.RecordAsync(AuditAction.Exported, $"reports exported as {format}: {AuditedFilters(context.Request)}", cancellationToken: context.RequestAborted);
        context.Response.ContentType = TableExport.ContentType(format);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{ReportExport.FileName(format)}\"";
        await export.WriteAsync(format, filter, context.User.Viewer(), context.Response.Body, context.RequestAborted);
        return TypedResults.Empty;
    }

    /// <summary>
    /// The export's query string without the words searched for: administrators of every organisation read the audit
    /// trail, and the words may be a witness's name or a place taken from a report they may not see.
    /// </summary>
    private static string AuditedFilters(HttpRequest request)
    {
        if (!request.Query.ContainsKey("q")) return request.QueryString.ToString();
        var pairs = request.Query.Where(q => !q.Key.Equals("q", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => $"{q.Key}={Uri.EscapeDataString(v ?? "")}"));
        return "?" + string.Join('&', pairs.Append("q=(words withheld)"));
    }

    private static async Task<Results<Ok<TimelineResponse>, ProblemHttpResult>> Timeline(
        ReportTimeline timelines, ClaimsPrincipal user, [AsParameters] ReportFilterParameters parameters, CancellationToken cancellationToken)
    {
        var (filter, error) = parameters.Parse();
        if (filter is null) return BadRequest(error!.Message);
        return await timelines.BuildAsync(filter, user.Viewer(), cancellationToken) is { } timeline
            ? TypedResults.Ok(TimelineResponse.From(timeline))
            : TypedResults.Problem($"There is no place with the code \"{filter.Place}\" in the gazetteer; find codes at /api/v1/gazetteer.", statusCode: StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<ReportResponse>, ProblemHttpResult>> Get(
        ReportSearch search, ReportDetails details, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var viewer = user.Viewer();
        return await search.FindAsync(id, viewer, cancellationToken) is { } report
            ? TypedResults.Ok(await details.ReadAsync(report, viewer, cancellationToken))
            : NoSuchReport();
    }

    private static async Task<Results<Created<ReportResponse>, Ok<ReportResponse>, ValidationProblem>> Create(
        ReportEditor editor, ReportDetails details, ClaimsPrincipal user, ReportInput input, CancellationToken cancellationToken)
    {
        var viewer = user.Viewer();
        var saved = await editor.CreateAsync(input, viewer.UserId!.Value, viewer.OrganisationId, cancellationToken);
        if (saved.Refused) return saved.Refusals.Invalid();
        var (report, created) = saved.Value;
        var response = await details.ReadAsync(report, viewer, cancellationToken);
        return created ? TypedResults.Created($"{Path}/{report.Id}", response) : TypedResults.Ok(response);
    }

    private static async Task<Results<Ok<ReportResponse>, ValidationProblem, ProblemHttpResult>> Update(
        HttpContext context, ReportEditor editor, ReportDetails details, ClaimsPrincipal user, Guid id, ReportInput input, CancellationToken cancellationToken)
    {
        var viewer = user.Viewer();
        var report = OpenedReport.Of(context, id);
        var updated = await editor.UpdateAsync(report, input, viewer.UserId!.Value, cancellationToken);
        if (updated.Refused) return updated.Refusals.Invalid();
        return TypedResults.Ok(await details.ReadAsync(report, viewer, cancellationToken));
    }

    private static async Task<Results<Ok<ReportResponse>, ProblemHttpResult>> Transition(
        HttpContext context, ReportWorkflow workflow, ReportDetails details, ClaimsPrincipal user, Guid id, TransitionRequest request,
        CancellationToken cancellationToken)
    {
        var viewer = user.Viewer();
        var report = OpenedReport.Of(context, id);
        if (!EnumNames.TryParse<ReportStatus>(request.To, out var to))
            return BadRequest("'to' is Submitted, UnderReview, Verified, Published or Rejected.");
        if (await workflow.MoveAsync(report, to, viewer, user.DisplayName(), request.Reason, cancellationToken) is { } refusal)
            return refusal.Problem(StatusCodes.Status409Conflict);
        return TypedResults.Ok(await details.ReadAsync(report, viewer, cancellationToken));
    }

    private static async Task<Results<Created<PersonResponse>, Ok<PersonResponse>, ProblemHttpResult>> AddPerson(
        HttpContext context, ReportPeople people, ReportDetails details, Guid id, PersonInput request, CancellationToken cancellationToken)
    {
        var report = OpenedReport.Of(context, id);
        var added = await people.AddOnceAsync(report.Id, request, cancellationToken);
        if (added.Refusal is { } refusal)
            return refusal.Problem(refusal.Code is PersonProblem.ClientIdOfAnotherReport ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        var (saved, created) = added.Value!;
        var response = details.Person(saved, identities: true);
        return created ? TypedResults.Created($"{Path}/{report.Id}", response) : TypedResults.Ok(response);
    }

    private static ReportSummary Summary(Report r) =>
        new(r.Id, r.Title, r.Category, r.Status.ToString(), r.Confidentiality.ToString(), r.AdminUnitCode, r.CountryIso3, r.OccurredFrom, r.OccurredTo, r.ReportedAt);

    /// <summary>Also the answer for reports the caller may not see, so a hidden report cannot be told from a missing one.</summary>
    internal static ProblemHttpResult NoSuchReport() =>
        TypedResults.Problem("There is no report with that id that you may see.", statusCode: StatusCodes.Status404NotFound);

    internal static ProblemHttpResult CannotSeeIdentities() =>
        TypedResults.Problem("Only the author, coordinators of the owning organisation and named readers of a Restricted report may handle the people and evidence of a report.",
            statusCode: StatusCodes.Status403Forbidden);

    private static ProblemHttpResult BadRequest(string message) =>
        TypedResults.Problem(message, statusCode: StatusCodes.Status400BadRequest);
}
