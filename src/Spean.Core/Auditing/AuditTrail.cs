using Spean.Core.Data;

namespace Spean.Core.Auditing;

/// <summary>Records events that are not entity changes: sign-ins, refusals, exports.</summary>
public sealed class AuditTrail(SpeanDbContext db, AuditActor actor, TimeProvider clock)
{
    public async Task RecordAsync(
        AuditAction action, string? detail = null, Guid? userId = null, string? userName = null,
        CancellationToken cancellationToken = default)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Action = action,
            UserId = userId ?? actor.UserId,
            UserName = userName ?? actor.UserName,
            IpAddress = actor.IpAddress,
            Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
