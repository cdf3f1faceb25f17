using Microsoft.AspNetCore.Http.HttpResults;
using Spean.Core.Auditing;
using Spean.Web.Accounts;

namespace Spean.Web.Auditing;

public sealed record AuditEntryResponse(
    Guid Id, DateTime At, string Action, Guid? UserId, string? UserName, string? EntityType, string? EntityId,
    string? Changes, string? Detail, string? IpAddress);

public sealed record AuditPageResponse(IReadOnlyList<AuditEntryResponse> Entries, int Total, int Page, int PageSize);

internal static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Policies.Administrator);
        api.MapGet("/", List);
        api.MapGet("/export.csv", Export);
    }

    private static async Task<Ok<AuditPageResponse>> List(
        AuditQuery query, AuditAction? action, string? user, string? entityType, DateTime? from, DateTime? to, int? page, int? pageSize)
    {
        var result = await query.FindAsync(new AuditFilter(action, user, entityType, Utc(from), Utc(to), page ?? 1, pageSize ?? 50));
        return TypedResults.Ok(new AuditPageResponse(
            result.Entries.Select(e => new AuditEntryResponse(
                e.Id, e.At, e.Action.ToString(), e.UserId, e.UserName, e.EntityType, e.EntityId, e.Changes, e.Detail, e.IpAddress)).ToList(),
            result.Total, result.Page, result.PageSize));
    }

    private static async Task Export(
        HttpContext context, AuditQuery query, AuditTrail trail,
        AuditAction? action, string? user, string? entityType, DateTime? from, DateTime? to)
    {
        await trail.RecordAsync(AuditAction.Exported, "audit trail exported as CSV");
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"spean-audit.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(true));
        await query.WriteCsvAsync(new AuditFilter(action, user, entityType, Utc(from), Utc(to)), writer, context.RequestAborted);
    }

    private static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}
