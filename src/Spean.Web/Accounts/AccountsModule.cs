using Spean.Core.Accounts;

namespace Spean.Web.Accounts;

internal static class AccountsModule
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddAccountsServices();
        builder.Services.AddSpeanAccounts();
        return builder;
    }

    /// <summary>Who the request is, in this order: sign-in, the audit actor, token scopes, authorisation, the two-factor requirement.</summary>
    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseSpeanAuditActor();
        app.UseTokenScopes();
        app.UseAuthorization();
        app.UseTwoFactorEnrolment();
        return app;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        app.MapAccountEndpoints();
        app.MapAccountsApi();
        return app;
    }
}
