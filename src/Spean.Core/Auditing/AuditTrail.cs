using Spean.Core.Data;

namespace Spean.Core.Auditing;

/// <summary>Records events that are not entity changes: sign-ins, refusals, exports, accounts cut off.</summary>
public sealed class AuditTrail(SpeanDbContext db, AuditActor actor, TimeProvider clock)
{
    /// <param name="userId">Who acted, when not the current actor (a sign-in, before the user is known to the request).</param>
    /// <param name="organisationId">The organisation the event concerns; by default the acting user's, or none (network administrators only) when <paramref name="userId"/> names someone else.</param>
    public async Task RecordAsync(
        AuditAction action, string? detail = null, Guid? userId = null, string? userName = null,
        Guid? organisationId = null, CancellationToken cancellationToken = default)
    {
        var organisation = organisationId ?? (userId is { } id && id != actor.UserId ? null : actor.OrganisationId);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Action = action,
            UserId = userId ?? actor.UserId,
            UserName = userName ?? actor.UserName,
            IpAddress = actor.IpAddress,
            OrganisationId = organisation,
            Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
