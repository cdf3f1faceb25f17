using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Exports;

namespace Spean.Core.Auditing;

/// <summary>The audit filters, shared by the admin page, the API and the CSV export.</summary>
public sealed record AuditFilter(
    AuditAction? Action = null, string? User = null, string? EntityType = null,
    DateTime? From = null, DateTime? To = null, int Page = 1, int PageSize = 50);

/// <summary>Whose entries a reader may see: every organisation's, or one organisation's only (none: nothing).</summary>
public sealed record AuditScope(bool Everything, Guid? OrganisationId)
{
    public static readonly AuditScope Network = new(true, null);
}

public sealed record AuditResults(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int PageSize);

public sealed class AuditQuery(SpeanDbContext db)
{
    public async Task<AuditResults> FindAsync(AuditScope scope, AuditFilter filter, CancellationToken cancellationToken = default)
    {
        var query = Apply(scope, filter);
        var page = Math.Max(1, filter.Page);
        var size = Math.Clamp(filter.PageSize, 1, 500);
        var total = await query.CountAsync(cancellationToken);
        var entries = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new AuditResults(entries, total, page, size);
    }

    /// <summary>Streams every matching entry, oldest first, so the export holds all rows without loading them at once.</summary>
    public async Task WriteCsvAsync(AuditScope scope, AuditFilter filter, TextWriter output, CancellationToken cancellationToken = default)
    {
        await using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var header in new[] { "at", "action", "user", "user_id", "organisation_id", "entity_type", "entity_id", "changes", "detail", "ip_address" })
            csv.WriteField(header);
        await csv.NextRecordAsync();
        await foreach (var e in Apply(scope, filter).OrderBy(e => e.At).ThenBy(e => e.Id).AsNoTracking().AsAsyncEnumerable()
                           .WithCancellation(cancellationToken))
        {
            // Names, details and changes quote what people typed: a spreadsheet must not run them as formulas.
            foreach (var field in new object?[] { e.At.ToString("O", CultureInfo.InvariantCulture), e.Action, e.UserName, e.UserId, e.OrganisationId, e.EntityType, e.EntityId, e.Changes, e.Detail, e.IpAddress })
                csv.WriteField(TableExport.CsvText(field));
            await csv.NextRecordAsync();
        }
    }

    private IQueryable<AuditEntry> Apply(AuditScope scope, AuditFilter filter)
    {
        var query = db.AuditEntries.AsQueryable();
        if (!scope.Everything)
        {
            var organisationId = scope.OrganisationId;
            query = organisationId is null ? query.Where(_ => false) : query.Where(e => e.OrganisationId == organisationId);
        }
        if (filter.Action is { } action) query = query.Where(e => e.Action == action);
        if (!string.IsNullOrWhiteSpace(filter.User)) query = query.Where(e => e.UserName != null && e.UserName.Contains(filter.User));
        if (!string.IsNullOrWhiteSpace(filter.EntityType)) query = query.Where(e => e.EntityType == filter.EntityType);
        if (filter.From is { } from) query = query.Where(e => e.At >= from);
        if (filter.To is { } to) query = query.Where(e => e.At < to);
        return query;
    }
}
