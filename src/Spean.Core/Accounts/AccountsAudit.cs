using Microsoft.AspNetCore.Identity;
using Spean.Core.Auditing;

namespace Spean.Core.Accounts;

/// <summary>What the audit trail shows of accounts: never a password hash, stamp or token; an account's entries belong to its organisation.</summary>
internal sealed class AccountsAudit : IAuditedModule
{
    public IReadOnlyDictionary<Type, AuditedEntity> Decisions { get; } = new Dictionary<Type, AuditedEntity>
    {
        [typeof(Organisation)] = AuditedEntity.Of<Organisation>(["Id", "Name", "NameKm", "CreatedAt"], [],
            (o, _) => ValueTask.FromResult<Guid?>(o.Id)),
        [typeof(SpeanUser)] = AuditedEntity.Of<SpeanUser>(
            ["Id", "UserName", "Email", "DisplayName", "Role", "OrganisationId", "CreatedAt", "DisabledAt", "EmailConfirmed",
                "TwoFactorEnabled", "LockoutEnabled", "LockoutEnd", "AccessFailedCount", "PhoneNumberConfirmed"],
            ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "NormalizedUserName", "NormalizedEmail", "PhoneNumber"],
            (u, _) => ValueTask.FromResult(u.OrganisationId)),
        [typeof(PersonalAccessToken)] = AuditedEntity.Of<PersonalAccessToken>(
            ["Id", "UserId", "Name", "CreatedAt", "ExpiresAt", "RevokedAt", "Scope"], ["TokenHash", "LastUsedAt"],
            (t, owners) => OrganisationOfUserAsync(owners, t.UserId)),
        [typeof(NetworkSettings)] = AuditedEntity.Of<NetworkSettings>(["Id", "NetworkName", "RequireTwoFactorForStaff"], []),
        [typeof(IdentityUserToken<Guid>)] = AuditedEntity.NamesOnlyForAll,
        [typeof(IdentityUserClaim<Guid>)] = AuditedEntity.NamesOnlyForAll,
        [typeof(IdentityUserLogin<Guid>)] = AuditedEntity.NamesOnlyForAll,
    };

    /// <summary>For other modules' entities that belong to a user (a saved search, say).</summary>
    public static ValueTask<Guid?> OrganisationOfUserAsync(AuditOwners owners, Guid userId) =>
        owners.LookUpAsync<SpeanUser>(userId, u => u.OrganisationId);
}
