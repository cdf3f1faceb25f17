using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Accounts;

[Collection(nameof(SqliteApp))]
public sealed class SignInTests(SqliteApp app)
{
    [Fact]
    public async Task A_user_with_two_factor_sign_in_needs_the_authenticator_code()
    {
        var user = await app.CreateUserAsync(Role.Coordinator, password: "the right password");
        var key = await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<SpeanUser>>();
            var stored = await users.FindByIdAsync(user.Id.ToString());
            await users.ResetAuthenticatorKeyAsync(stored!);
            await users.SetTwoFactorEnabledAsync(stored!, true);
            return await users.GetAuthenticatorKeyAsync(stored!);
        });
        var client = app.AnonymousClient();

        using var password = await client.SubmitAsync("/account/login",
            new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = "the right password" });
        using var wrongCode = await client.SubmitAsync("/account/login-2fa", new Dictionary<string, string> { ["Input.Code"] = "000000" });
        using var rightCode = await client.SubmitAsync("/account/login-2fa",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key!, DateTimeOffset.UtcNow) });
        using var account = await client.GetAsync("/account");

        Assert.StartsWith("/account/login-2fa", password.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("That code is not right", await wrongCode.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, rightCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Contains(user.Email!, await account.Content.ReadAsStringAsync());
    }
}

[Collection(nameof(SqliteApp))]
public sealed class LogTests(SqliteApp app)
{
    [Fact]
    public async Task Passwords_and_tokens_never_reach_the_logs()
    {
        var user = await app.CreateUserAsync(Role.Member, password: "password-that-must-not-be-logged");
        var client = app.AnonymousClient();
        await client.SubmitAsync("/account/login",
            new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = "password-that-must-not-be-logged" });
        await client.SubmitAsync("/account/login",
            new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = "wrong-password-that-must-not-be-logged" });
        var tokenClient = await app.ClientForAsync(user);
        var token = tokenClient.DefaultRequestHeaders.Authorization!.Parameter!;
        await tokenClient.GetAsync("/api/v1/me");

        Assert.NotEmpty(app.Logs.Lines);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("must-not-be-logged", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(token, StringComparison.Ordinal));
    }
}

/// <summary>An app of its own, with the production sign-in limit, so other tests' sign-ins do not count.</summary>
public sealed class SignInLimitTests : IAsyncLifetime
{
    private readonly LimitedApp app = new();

    [Fact]
    public async Task Repeated_sign_in_attempts_from_one_address_are_slowed_down()
    {
        var client = app.AnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.SubmitAsync("/account/login",
                new Dictionary<string, string> { ["Input.Email"] = "someone@example.org", ["Input.Password"] = "guess number " + i });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => app.DisposeAsync().AsTask();

    private sealed class LimitedApp : SpeanApp
    {
        public override Spean.Core.Data.DatabaseProvider Provider => Spean.Core.Data.DatabaseProvider.Sqlite;

        public override int SignInAttemptsPerMinute => 3;
    }
}
