using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Spean.Core.Data;

namespace Spean.Core.Auditing;

/// <summary>Writes an audit entry for every entity created, changed or deleted, in the same transaction.</summary>
internal sealed class AuditInterceptor(AuditActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is null) return;
        var changed = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (changed.Any(e => e.Entity is AuditEntry && e.State != EntityState.Added))
            throw new InvalidOperationException("The audit trail is append-only.");
        if (actor.SuppressRowAudit) return;

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in changed.Where(e => e.Entity is not AuditEntry && !e.Metadata.IsOwned()))
        {
            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            context.Add(new AuditEntry
            {
                At = now,
                Action = entry.State switch
                {
                    EntityState.Added => AuditAction.Created,
                    EntityState.Deleted => AuditAction.Deleted,
                    _ => AuditAction.Updated,
                },
                UserId = actor.UserId,
                UserName = actor.UserName,
                IpAddress = actor.IpAddress,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Changes = changes.Count == 0 ? null : JsonSerializer.Serialize(changes),
            });
        }
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));

    private static Dictionary<string, FieldChange> Changes(EntityEntry entry)
    {
        var changes = new Dictionary<string, FieldChange>();
        foreach (var property in entry.Properties)
        {
            var sensitive = property.Metadata.IsSensitive();
            switch (entry.State)
            {
                case EntityState.Added:
                    changes[property.Metadata.Name] = new(null, sensitive ? Redacted : Text(property.CurrentValue));
                    break;
                case EntityState.Deleted:
                    changes[property.Metadata.Name] = new(sensitive ? Redacted : Text(property.OriginalValue), null);
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[property.Metadata.Name] = sensitive
                        ? new(Redacted, Redacted)
                        : new(Text(property.OriginalValue), Text(property.CurrentValue));
                    break;
            }
        }
        return changes;
    }

    private const string Redacted = "(hidden)";

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("O"),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

public sealed record FieldChange(string? Old, string? New);
