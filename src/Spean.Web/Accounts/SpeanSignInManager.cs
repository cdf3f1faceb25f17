using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Spean.Core.Accounts;

namespace Spean.Web.Accounts;

/// <summary>Refuses every sign-in of a disabled account, whatever the password or second factor.</summary>
internal sealed class SpeanSignInManager(
    UserManager<SpeanUser> users, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<SpeanUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<SpeanUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<SpeanUser> confirmation)
    : SignInManager<SpeanUser>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(SpeanUser user) =>
        user.DisabledAt is null && await base.CanSignInAsync(user);

    /// <summary>A browser already signed in is signed out at the next stamp check, even if the stamp were left unchanged.</summary>
    public override async Task<SpeanUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { DisabledAt: null } ? user : null;
    }
}
