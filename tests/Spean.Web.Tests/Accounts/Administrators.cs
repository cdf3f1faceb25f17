using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Accounts;

/// <summary>People of each kind for the administration tests; a network administrator has turned on two-factor sign-in, as it must.</summary>
internal static class Administrators
{
    public static async Task<(SpeanUser User, HttpClient Client)> PersonAsync(SpeanApp app, Role role, Guid? organisation)
    {
        var user = await app.CreateUserAsync(role, organisationId: organisation);
        if (role == Role.NetworkAdministrator) await TurnOnTwoFactorAsync(app, user);
        return (user, await app.ClientForAsync(user));
    }

    public static Task TurnOnTwoFactorAsync(SpeanApp app, SpeanUser user) => app.WithScopeAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<SpeanUser>>();
        var stored = await users.FindByIdAsync(user.Id.ToString());
        await users.ResetAuthenticatorKeyAsync(stored!);
        await users.SetTwoFactorEnabledAsync(stored!, true);
    });
}
