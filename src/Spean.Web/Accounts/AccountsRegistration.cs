using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Spean.Core.Accounts;

namespace Spean.Web.Accounts;

internal static class Policies
{
    public const string NetworkAdministrator = nameof(NetworkAdministrator);
    public const string Administrator = nameof(Administrator);
    public const string Coordinator = nameof(Coordinator);
    public const string Member = nameof(Member);
    public const string SignedIn = nameof(SignedIn);
}

internal static class AccountsRegistration
{
    public const string SmartScheme = "Spean";
    public const string TwoFactorRequiredClaim = "spean:two-factor-required";
    public const string OrganisationClaim = "spean:organisation";
    public const string TokenScopeClaim = "spean:token-scope";

    /// <summary>How often a signed-in browser's account is checked again: a disabled account or a changed role takes effect within it.</summary>
    public static readonly TimeSpan AccountCheckInterval = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddSpeanAccounts(this IServiceCollection services)
    {
        services.AddSpeanIdentityCore()
            .AddSignInManager<SpeanSignInManager>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<SpeanClaimsFactory>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = SmartScheme;
                options.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or personal access token", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? PersonalAccessTokenHandler.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(PersonalAccessTokenHandler.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "spean.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request is HTTPS, which behind a known proxy every request is (Infrastructure/Hardening.cs says why not Always).
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            options.SlidingExpiration = true;
        });

        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = AccountCheckInterval);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.NetworkAdministrator, p => p.RequireRole(Roles.NetworkAdministrator))
            .AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.AtLeast(Role.Administrator)))
            .AddPolicy(Policies.Coordinator, p => p.RequireRole(Roles.AtLeast(Role.Coordinator)))
            .AddPolicy(Policies.Member, p => p.RequireRole(Roles.AtLeast(Role.Member)))
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser());
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, RefusalHandler>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<PersonalAccessTokens>();
        services.AddScoped<AccountNotices>();
        services.AddSingleton<SetupCode>();
        services.AddHostedService<SetupCodeAnnouncement>();
        return services;
    }

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid? OrganisationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(OrganisationClaim), out var id) ? id : null;

    /// <summary>The administrator acting, as the account rules see them; someone without an administrator role manages nobody.</summary>
    public static AccountAdministrator AsAdministrator(this ClaimsPrincipal user) =>
        new(user.UserId(), user.IsInRole(Roles.NetworkAdministrator) ? Role.NetworkAdministrator
            : user.IsInRole(Roles.Administrator) ? Role.Administrator : Role.Viewer, user.OrganisationId());

    /// <summary>Whether the request came with a personal access token rather than a browser sign-in.</summary>
    public static bool UsesToken(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == TokenScopeClaim);
}
