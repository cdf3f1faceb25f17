using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spean.Core.Auditing;
using Spean.Web.Accounts;
using Spean.Core.Accounts;

namespace Spean.Web.Administration;

public sealed record AuditEntryResponse(
    Guid Id, DateTime At, string Action, Guid? UserId, string? UserName, string? EntityType, string? EntityId,
    string? Changes, string? Detail, string? IpAddress, Guid? OrganisationId);

public sealed record AuditPageResponse(IReadOnlyList<AuditEntryResponse> Entries, int Total, int Page, int PageSize);

internal static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Policies.Administrator);
        api.MapGet("/", List).WithSummary("Audit entries, newest first: your organisation's, or every organisation's for a network administrator");
        api.MapGet("/export.csv", Export).WithSummary("Every matching audit entry as CSV, with the same scope as the list")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
    }

    /// <summary>Audit reading is scoped by the reader's role and organisation, the same way on the page, the API and the export.</summary>
    public static AuditScope AuditScope(this ClaimsPrincipal user)
    {
        var admin = user.AsAdministrator();
        return AuditScopes.For(admin.Role, admin.OrganisationId);
    }

    private static async Task<Ok<AuditPageResponse>> List(
        ClaimsPrincipal principal, AuditQuery query, AuditAction? action, string? user, string? entityType, DateTime? from, DateTime? to, int? page, int? pageSize)
    {
        var result = await query.FindAsync(principal.AuditScope(), new AuditFilter(action, user, entityType, Utc(from), Utc(to), page ?? 1, pageSize ?? 50));
        return TypedResults.Ok(new AuditPageResponse(
            result.Entries.Select(e => new AuditEntryResponse(
                e.Id, e.At, e.Action.ToString(), e.UserId, e.UserName, e.EntityType, e.EntityId, e.Changes, e.Detail, e.IpAddress, e.OrganisationId)).ToList(),
            result.Total, result.Page, result.PageSize));
    }

    private static async Task Export(
        HttpContext context, ClaimsPrincipal principal, AuditQuery query, AuditTrail trail,
        AuditAction? action, string? user, string? entityType, DateTime? from, DateTime? to)
    {
        await trail.RecordAsync(AuditAction.Exported, "audit trail exported as CSV");
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"spean-audit.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(true));
        await query.WriteCsvAsync(principal.AuditScope(), new AuditFilter(action, user, entityType, Utc(from), Utc(to)), writer, context.RequestAborted);
    }

    private static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}
