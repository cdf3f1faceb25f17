using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Spean.Core.Accounts;
using Spean.Core.Auditing;
using Spean.Web.Infrastructure;

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
        var token = await tokens.FindAsync(header["Bearer ".Length..].Trim());
        if (token is null) return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        var user = await users.FindByIdAsync(token.UserId.ToString());
        if (user is null || user.DisabledAt is not null || await users.IsLockedOutAsync(user))
            return AuthenticateResult.Fail("The token's account is disabled, locked or gone.");
        var principal = await principals.CreateAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(AccountsRegistration.TokenScopeClaim, token.Scope.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

internal static class TokenScopes
{
    /// <summary>A read token may look but not change anything: every method other than GET, HEAD and OPTIONS is refused.</summary>
    public static IApplicationBuilder UseTokenScopes(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var readOnly = context.User.HasClaim(AccountsRegistration.TokenScopeClaim, nameof(TokenScope.Read));
            if (!readOnly || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                || HttpMethods.IsOptions(context.Request.Method))
            {
                await next(context);
                return;
            }
            await context.RequestServices.GetRequiredService<AuditTrail>().RecordAsync(AuditAction.Refused,
                $"{context.Request.Method} {context.Request.Path} (read-only token)");
            await ProblemResponses.WriteAsync(context, StatusCodes.Status403Forbidden,
                "This token may only read. Create a read-write token at /account/tokens to change data.");
        });
}
