using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Auditing;
using Spean.Core.Data;

namespace Spean.Core.Accounts;

/// <summary>Who administers: an organisation administrator, a network administrator, or the operator at the command line.</summary>
public sealed record AccountAdministrator(Guid? UserId, Role Role, Guid? OrganisationId)
{
    /// <summary>The person running `spean` on the server already holds the database, so acts as a network administrator.</summary>
    public static readonly AccountAdministrator Operator = new(null, Role.NetworkAdministrator, null);

    public bool IsNetworkAdministrator => Role == Role.NetworkAdministrator;

    /// <summary>An organisation administrator manages only its own organisation's accounts, and never a network administrator's.</summary>
    public bool Manages(SpeanUser user) =>
        IsNetworkAdministrator
        || (Role == Role.Administrator && OrganisationId is { } own && user.OrganisationId == own && user.Role != Role.NetworkAdministrator);
}

public enum AdministrationError
{
    None,
    UnknownUser,
    NotAllowed,
    OwnAccount,
    LastNetworkAdministrator,
    UnknownOrganisation,
    Invalid,
}

public sealed record AdministrationResult(AdministrationError Error, SpeanUser? User = null, IReadOnlyList<string>? Problems = null)
{
    public bool Succeeded => Error == AdministrationError.None;

    /// <summary>What to change, in English, for the API and the command line; pages show their own translation.</summary>
    public string Detail => Error switch
    {
        AdministrationError.UnknownUser => "There is no account with that id among the accounts you manage.",
        AdministrationError.NotAllowed => "Only a network administrator may grant the network administrator role, manage other organisations' accounts or move an account between organisations.",
        AdministrationError.OwnAccount => "You cannot disable your own account or change your own role; ask another administrator.",
        AdministrationError.LastNetworkAdministrator => "This is the last active network administrator; make another network administrator first.",
        AdministrationError.UnknownOrganisation => "The organisation does not exist.",
        _ => string.Join(" ", Problems ?? []),
    };
}

/// <summary>
/// Listing, creating, disabling and re-enabling accounts and changing roles, with the scoping rules of both kinds
/// of administrator: one path for the users page, the API and `spean users`. Nobody sets another person's password or
/// e-mail here; a new account's owner sets the password from a link.
/// </summary>
public sealed class UserAdministration(
    SpeanDbContext db, UserManager<SpeanUser> users, UserAccounts accounts, AuditTrail audit, TimeProvider clock)
{
    public IQueryable<SpeanUser> Managed(AccountAdministrator admin)
    {
        var query = db.Users.AsQueryable();
        if (admin.IsNetworkAdministrator) return query;
        if (admin.Role != Role.Administrator || admin.OrganisationId is not { } own) return query.Where(_ => false);
        return query.Where(u => u.OrganisationId == own && u.Role != Role.NetworkAdministrator);
    }

    public IQueryable<Organisation> Organisations(AccountAdministrator admin) =>
        admin.IsNetworkAdministrator
            ? db.Organisations.AsQueryable()
            : db.Organisations.Where(o => o.Id == admin.OrganisationId);

    public async Task<AdministrationResult> CreateAsync(AccountAdministrator admin, string email, string displayName, Role role, Guid? organisationId)
    {
        if (!admin.IsNetworkAdministrator)
        {
            if (role == Role.NetworkAdministrator || admin.OrganisationId is null) return new(AdministrationError.NotAllowed);
            organisationId ??= admin.OrganisationId;
            if (organisationId != admin.OrganisationId) return new(AdministrationError.NotAllowed);
        }
        if (organisationId is { } id && !await db.Organisations.AnyAsync(o => o.Id == id)) return new(AdministrationError.UnknownOrganisation);
        var created = await accounts.CreateUserAsync(new NewUser(email, displayName, role, organisationId, Password: null));
        return created.Succeeded ? new(AdministrationError.None, created.User) : new(AdministrationError.Invalid, Problems: created.Errors);
    }

    /// <summary>Refuses sign-in, revokes every token and changes the security stamp, so signed-in browsers are signed out within the stamp check interval.</summary>
    public async Task<AdministrationResult> DisableAsync(AccountAdministrator admin, Guid userId)
    {
        var (error, user) = await TargetAsync(admin, userId);
        if (error != AdministrationError.None) return new(error);
        if (user!.Id == admin.UserId) return new(AdministrationError.OwnAccount);
        if (user.Role == Role.NetworkAdministrator && await IsLastNetworkAdministratorAsync(user)) return new(AdministrationError.LastNetworkAdministrator);
        if (user.DisabledAt is null)
        {
            user.DisabledAt = clock.GetUtcNow().UtcDateTime;
            await RevokeTokensAsync(user.Id);
            await users.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(AuditAction.Disabled, $"account {user.Email} disabled; its tokens revoked", organisationId: user.OrganisationId);
        }
        return new(AdministrationError.None, user);
    }

    public async Task<AdministrationResult> EnableAsync(AccountAdministrator admin, Guid userId)
    {
        var (error, user) = await TargetAsync(admin, userId);
        if (error != AdministrationError.None) return new(error);
        if (user!.DisabledAt is not null)
        {
            user.DisabledAt = null;
            await users.UpdateAsync(user);
            await audit.RecordAsync(AuditAction.Enabled, $"account {user.Email} enabled", organisationId: user.OrganisationId);
        }
        return new(AdministrationError.None, user);
    }

    /// <summary>A new role takes effect on the user's next request through a token, and within the stamp check interval in a browser.</summary>
    public async Task<AdministrationResult> ChangeRoleAsync(AccountAdministrator admin, Guid userId, Role role)
    {
        var (error, user) = await TargetAsync(admin, userId);
        if (error != AdministrationError.None) return new(error);
        if (user!.Id == admin.UserId) return new(AdministrationError.OwnAccount);
        if (role == Role.NetworkAdministrator && !admin.IsNetworkAdministrator) return new(AdministrationError.NotAllowed);
        if (user.Role == Role.NetworkAdministrator && role != Role.NetworkAdministrator && await IsLastNetworkAdministratorAsync(user))
            return new(AdministrationError.LastNetworkAdministrator);
        if (user.Role != role)
        {
            user.Role = role;
            await users.UpdateSecurityStampAsync(user);
        }
        return new(AdministrationError.None, user);
    }

    /// <summary>Revokes another user's tokens, for a lost phone or a leaked script.</summary>
    public async Task<AdministrationResult> RevokeTokensAsync(AccountAdministrator admin, Guid userId)
    {
        var (error, user) = await TargetAsync(admin, userId);
        if (error != AdministrationError.None) return new(error);
        await RevokeTokensAsync(user!.Id);
        return new(AdministrationError.None, user);
    }

    /// <summary>Revokes every live token of the user; called on disabling and whenever the password changes.</summary>
    public async Task<int> RevokeTokensAsync(Guid userId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var live = await db.PersonalAccessTokens.Where(t => t.UserId == userId && t.RevokedAt == null).ToListAsync();
        foreach (var token in live) token.RevokedAt = now;
        await db.SaveChangesAsync();
        return live.Count;
    }

    private async Task<(AdministrationError, SpeanUser?)> TargetAsync(AccountAdministrator admin, Guid userId)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        return user is null || !admin.Manages(user) ? (AdministrationError.UnknownUser, null) : (AdministrationError.None, user);
    }

    private Task<bool> IsLastNetworkAdministratorAsync(SpeanUser user) =>
        db.Users.AllAsync(u => u.Id == user.Id || u.Role != Role.NetworkAdministrator || u.DisabledAt != null);
}
