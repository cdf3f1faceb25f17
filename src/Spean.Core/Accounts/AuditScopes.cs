using Spean.Core.Auditing;

namespace Spean.Core.Accounts;

public static class AuditScopes
{
    /// <summary>A network administrator reads every organisation's entries, an organisation administrator its own only, anyone else none.</summary>
    public static AuditScope For(Role role, Guid? organisationId) =>
        role == Role.NetworkAdministrator ? AuditScope.Network : new(false, role == Role.Administrator ? organisationId : null);
}
