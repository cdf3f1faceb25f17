using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spean.Core.Accounts;
using Spean.Core.Data;

namespace Spean.Web.Accounts;

/// <summary>Puts the user's role and organisation in the sign-in, and flags staff who still owe a second factor: network administrators always, other staff when the network requires it.</summary>
internal sealed class SpeanClaimsFactory(UserManager<SpeanUser> users, IOptions<IdentityOptions> options, SpeanDbContext db)
    : UserClaimsPrincipalFactory<SpeanUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SpeanUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim("name", user.DisplayName));
        if (user.OrganisationId is { } organisation)
            identity.AddClaim(new Claim(AccountsRegistration.OrganisationClaim, organisation.ToString()));
        if (!user.TwoFactorEnabled && (user.Role == Role.NetworkAdministrator || (user.Role <= Role.Coordinator && await TwoFactorRequiredAsync())))
            identity.AddClaim(new Claim(AccountsRegistration.TwoFactorRequiredClaim, "true"));
        return identity;
    }

    private async Task<bool> TwoFactorRequiredAsync() =>
        await db.NetworkSettings.AsNoTracking().AnyAsync(s => s.RequireTwoFactorForStaff);
}
