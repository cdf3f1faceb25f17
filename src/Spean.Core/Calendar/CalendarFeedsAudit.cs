using Spean.Core.Accounts;
using Spean.Core.Auditing;

namespace Spean.Core.Calendar;

/// <summary>The trail shows that a feed address was made or revoked, never its token's hash; it belongs to the user's organisation.</summary>
internal sealed class CalendarFeedsAudit : IAuditedModule
{
    public IReadOnlyDictionary<Type, AuditedEntity> Decisions { get; } = new Dictionary<Type, AuditedEntity>
    {
        [typeof(CalendarFeed)] = AuditedEntity.Of<CalendarFeed>(["Id", "UserId", "Language", "CreatedAt", "RevokedAt"], ["TokenHash", "LastUsedAt"],
            (f, owners) => AccountsAudit.OrganisationOfUserAsync(owners, f.UserId)),
    };
}
