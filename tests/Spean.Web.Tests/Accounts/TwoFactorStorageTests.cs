using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Monitoring;
using Spean.Web.Tests.Infrastructure;
using Spean.Web.Tests.Monitoring;

namespace Spean.Web.Tests.Accounts;

/// <summary>Authenticator keys and recovery codes as a copy of the database shows them, before and after a key rotation.</summary>
public abstract class TwoFactorStorageTests(SpeanApp app)
{
    [Fact]
    public async Task The_database_holds_no_authenticator_key_or_recovery_code_in_clear_and_two_factor_sign_in_works_across_a_key_rotation()
    {
        var user = await app.CreateUserAsync(Role.Coordinator, password: "the right password");
        var (key, codes) = await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<SpeanUser>>();
            var stored = await users.FindByIdAsync(user.Id.ToString());
            await users.ResetAuthenticatorKeyAsync(stored!);
            await users.SetTwoFactorEnabledAsync(stored!, true);
            var recovery = await users.GenerateNewTwoFactorRecoveryCodesAsync(stored!, 10);
            return (await users.GetAuthenticatorKeyAsync(stored!), recovery!.ToList());
        });

        var raw = await RawStorage.DatabaseBytesAsync(app);
        Assert.False(RawStorage.Holds(raw, key!), "the database holds the authenticator key in clear");
        Assert.DoesNotContain(codes, code => RawStorage.Holds(raw, code));
        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync(user, Totp.Code(key!, DateTimeOffset.UtcNow), recovery: false));

        var rotation = await app.WithScopeAsync(services => services.GetRequiredService<KeyRotation>().RotateAsync());
        var tokenKeys = await app.WithScopeAsync(async services => (await services.GetRequiredService<SpeanDbContext>().UserTokens
            .Where(t => t.UserId == user.Id).Select(t => t.Value!).ToListAsync()).Select(UserTokenCipher.KeyIdOf).ToList());

        Assert.Empty(rotation.Failures);
        Assert.Equal(2, tokenKeys.Count);
        Assert.All(tokenKeys, id => Assert.Equal(rotation.NewKeyId, id is { } k ? k.ToString("x8", System.Globalization.CultureInfo.InvariantCulture) : null));
        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync(user, codes[0], recovery: true));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(user, codes[0], recovery: true));
    }

    private async Task<HttpStatusCode> SignInAsync(SpeanUser user, string code, bool recovery)
    {
        var client = app.AnonymousClient();
        using var password = await client.SubmitAsync("/account/login",
            new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = "the right password" });
        Assert.StartsWith("/account/login-2fa", password.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var fields = new Dictionary<string, string> { ["Input.Code"] = code };
        if (recovery) fields["Input.IsRecoveryCode"] = "true";
        using var second = await client.SubmitAsync("/account/login-2fa", fields);
        return second.StatusCode;
    }
}

public sealed class SqliteTwoFactorStorageTests(SqliteTwoFactorApp app) : TwoFactorStorageTests(app), IClassFixture<SqliteTwoFactorApp>;

public sealed class PostgresTwoFactorStorageTests(PostgresTwoFactorApp app) : TwoFactorStorageTests(app), IClassFixture<PostgresTwoFactorApp>;

/// <summary>An app of its own: the test rotates the key ring.</summary>
public sealed class SqliteTwoFactorApp : SpeanApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresTwoFactorApp : SpeanApp
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
