using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Spean.Core.Accounts;

namespace Spean.Web.Accounts;

/// <summary>Signs in scripts that send "Authorization: Bearer spean_…".</summary>
internal sealed class PersonalAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    PersonalAccessTokens tokens, UserManager<SpeanUser> users, IUserClaimsPrincipalFactory<SpeanUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PersonalAccessToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var ownerId = await tokens.FindOwnerAsync(header["Bearer ".Length..].Trim());
        if (ownerId is null) return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        var user = await users.FindByIdAsync(ownerId.Value.ToString());
        if (user is null || await users.IsLockedOutAsync(user)) return AuthenticateResult.Fail("The token's account is locked or gone.");
        var principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
