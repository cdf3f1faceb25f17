using System.Data;
using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;

namespace Spean.Core.Accounts;

public sealed record NewUser(string Email, string DisplayName, Role Role, Guid? OrganisationId, string? Password);

public sealed record AccountResult(SpeanUser? User, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Creating accounts and organisations: one path for the setup page, the admin pages, the API and the CLI.</summary>
public sealed class UserAccounts(SpeanDbContext db, UserManager<SpeanUser> users, TimeProvider clock)
{
    public Task<bool> AnyUserExistsAsync(CancellationToken cancellationToken = default) =>
        db.Users.AnyAsync(cancellationToken);

    public async Task<AccountResult> CreateUserAsync(NewUser request)
    {
        if (request.OrganisationId is { } orgId && !await db.Organisations.AnyAsync(o => o.Id == orgId))
            return Fail("The organisation does not exist.");
        var user = new SpeanUser
        {
            UserName = request.Email.Trim(),
            Email = request.Email.Trim(),
            DisplayName = request.DisplayName.Trim(),
            Role = request.Role,
            OrganisationId = request.OrganisationId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = request.Password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, request.Password);
        return result.Succeeded ? new AccountResult(user, []) : new AccountResult(null, result.Errors.Select(e => e.Description).ToList());
    }

    /// <summary>Creates the first administrator, a network administrator, and, when named, the organisation it belongs to.</summary>
    public async Task<AccountResult> CreateAdministratorAsync(string email, string displayName, string password, string? organisationName)
    {
        Guid? organisationId = null;
        if (!string.IsNullOrWhiteSpace(organisationName))
            organisationId = (await FindOrCreateOrganisationAsync(organisationName)).Id;
        return await CreateUserAsync(new NewUser(email, displayName, Role.NetworkAdministrator, organisationId, password));
    }

    /// <summary>
    /// Creates the first administrator, or refuses once any account exists. The check and the creation share one
    /// serializable transaction, so two setups at once, even from two servers on one database, cannot both succeed.
    /// </summary>
    public async Task<AccountResult> CreateFirstAdministratorAsync(string email, string displayName, string password, string? organisationName)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable);
            if (await db.Users.AnyAsync()) return Fail(FirstAdministratorExists);
            var result = await CreateAdministratorAsync(email, displayName, password, organisationName);
            if (result.Succeeded) await transaction.CommitAsync();
            return result;
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            // PostgreSQL refuses the second of two overlapping serializable transactions; it is the same answer as above.
            return Fail(FirstAdministratorExists);
        }
    }

    public const string FirstAdministratorExists = "An account already exists, so the first administrator has been created. Sign in instead.";

    public async Task<Organisation> FindOrCreateOrganisationAsync(string name, string? nameKm = null)
    {
        var trimmed = name.Trim();
        var existing = await db.Organisations.FirstOrDefaultAsync(o => o.Name == trimmed);
        if (existing is not null) return existing;
        var organisation = new Organisation { Name = trimmed, NameKm = nameKm?.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    }

    private static AccountResult Fail(string error) => new(null, [error]);
}
