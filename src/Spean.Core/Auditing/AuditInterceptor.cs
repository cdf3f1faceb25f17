using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Spean.Core.Data;

namespace Spean.Core.Auditing;

/// <summary>
/// Writes an audit entry for every entity created, changed or deleted, in the same transaction: the values of the
/// fields <see cref="AuditedFields"/> allows, the names of the others, and the organisation the entry belongs to
/// (the entity's module says which, through <see cref="AuditedEntity.Owner"/>).
/// </summary>
internal sealed class AuditInterceptor(AuditActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        RecordAsync(eventData.Context, async: false).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await RecordAsync(eventData.Context, async: true);
        return result;
    }

    private async ValueTask RecordAsync(DbContext? context, bool async)
    {
        if (context is null) return;
        var changed = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (changed.Any(e => e.Entity is AuditEntry && e.State != EntityState.Added))
            throw new InvalidOperationException("The audit trail is append-only.");
        if (actor.SuppressRowAudit) return;

        var now = clock.GetUtcNow().UtcDateTime;
        var owners = new AuditOwners(context, async);
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
                OrganisationId = await owners.OfAsync(entry.Entity) ?? actor.OrganisationId,
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
        var decision = AuditedFields.For(entry.Metadata.ClrType);
        var changes = new Dictionary<string, FieldChange>();
        foreach (var property in entry.Properties)
        {
            var shown = decision.RecordsValueOf(property.Metadata.Name) && !property.Metadata.IsSensitive();
            string? Show(object? value) => value is null ? null : shown ? Text(value) : Hidden;
            switch (entry.State)
            {
                case EntityState.Added:
                    changes[property.Metadata.Name] = new(null, Show(property.CurrentValue));
                    break;
                case EntityState.Deleted:
                    changes[property.Metadata.Name] = new(Show(property.OriginalValue), null);
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[property.Metadata.Name] = shown
                        ? new(Text(property.OriginalValue), Text(property.CurrentValue))
                        : new(Hidden, Hidden);
                    break;
            }
        }
        return changes;
    }

    private const string Hidden = "(hidden)";

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("O"),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list and not string => string.Join(", ", list.Cast<object?>().Select(Text)),
        _ => value.ToString(),
    };
}

public sealed record FieldChange(string? Old, string? New);
