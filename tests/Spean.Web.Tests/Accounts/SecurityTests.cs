using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Auditing;
using Spean.Core.Data;
using Spean.Web.Accounts;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Accounts;

public abstract class SecurityTests(SpeanApp app)
{
    [Fact]
    public async Task Anonymous_call_to_an_administrator_endpoint_is_a_401_problem_and_is_audited()
    {
        using var response = await app.AnonymousClient().GetAsync("/api/v1/admin/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Sign in", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
        var (_, network) = await Administrators.PersonAsync(app, Role.NetworkAdministrator, null);
        var audit = await network.GetJsonAsync("/api/v1/audit?action=Refused&pageSize=500");
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(),
            e => e.GetProperty("detail").GetString() == "GET /api/v1/admin/users (not signed in)");
    }

    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Member)]
    [InlineData(Role.Coordinator)]
    public async Task Only_administrators_reach_administrator_endpoints(Role role)
    {
        var client = await app.ClientForAsync(role);

        using var users = await client.GetAsync("/api/v1/admin/users");
        using var audit = await client.GetAsync("/api/v1/audit");

        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, audit.StatusCode);
        Assert.Equal("application/problem+json", users.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Pages_are_closed_to_anonymous_visitors_unless_public()
    {
        var client = app.AnonymousClient();

        using var home = await client.GetAsync("/");
        using var account = await client.GetAsync("/account");
        using var admin = await client.GetAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        Assert.StartsWith("/account/login", account.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
    }

    [Fact]
    public async Task A_revoked_token_no_longer_signs_in()
    {
        var user = await app.CreateUserAsync(Role.Member);
        var client = await app.ClientForAsync(user);
        Assert.Equal(user.Email, (await client.GetJsonAsync("/api/v1/me")).GetProperty("email").GetString());
        var tokens = await client.GetJsonAsync("/api/v1/me/tokens");

        using var revoke = await client.DeleteAsync($"/api/v1/me/tokens/{tokens[0].GetProperty("id").GetString()}");
        using var after = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Sign_in_works_and_five_wrong_passwords_lock_the_account()
    {
        var user = await app.CreateUserAsync(Role.Member, password: "the right password");
        var client = app.AnonymousClient();

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.SubmitAsync("/account/login",
                new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = "a wrong password" });
            Assert.Contains(i < 4 ? "The email or password is wrong." : "locked", await wrong.Content.ReadAsStringAsync());
        }
        using var right = await client.SubmitAsync("/account/login",
            new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = "the right password" });

        Assert.Contains("locked", await right.Content.ReadAsStringAsync());
        var failures = await app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().AuditEntries
            .CountAsync(e => e.Action == AuditAction.SignInFailed && e.Detail!.Contains(user.Email!)));
        Assert.Equal(4, failures);
    }

    [Fact]
    public async Task Signing_in_with_the_right_password_sets_a_session_and_is_audited()
    {
        var user = await app.CreateUserAsync(Role.Viewer, password: "the right password");
        var client = app.AnonymousClient();

        using var response = await client.SubmitAsync("/account/login?returnUrl=%2Faccount",
            new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = "the right password" });
        using var account = await client.GetAsync("/account");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account", response.Headers.Location!.PathAndQuery);
        Assert.Contains(user.Email!, await account.Content.ReadAsStringAsync());
        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().AuditEntries
            .AnyAsync(e => e.Action == AuditAction.SignedIn && e.UserId == user.Id)));
    }

    [Fact]
    public async Task Staff_without_a_second_factor_are_stopped_when_the_network_requires_it()
    {
        var coordinator = await app.ClientForAsync(Role.Coordinator);
        var member = await app.ClientForAsync(Role.Member);
        await SetTwoFactorRequiredAsync(true);
        try
        {
            using var blocked = await coordinator.GetAsync("/api/v1/me/tokens");
            using var allowed = await member.GetAsync("/api/v1/me/tokens");

            Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
            Assert.Contains("two-factor", (await blocked.ReadJsonAsync()).GetProperty("detail").GetString());
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        finally
        {
            await SetTwoFactorRequiredAsync(false);
        }
    }

    [Fact]
    public async Task Setup_page_refuses_once_an_account_exists()
    {
        await app.CreateUserAsync(Role.Viewer);
        var client = app.AnonymousClient();

        using var response = await client.SubmitAsync("/setup", formSource: "/account/login", formName: "setup", fields: new Dictionary<string, string>
        {
            ["Input.Code"] = app.Services.GetRequiredService<SetupCode>().Current ?? "",
            ["Input.Organisation"] = "Intruders", ["Input.DisplayName"] = "Mallory", ["Input.Email"] = "mallory@example.org",
            ["Input.Password"] = "a long enough password", ["Input.Confirm"] = "a long enough password",
        });

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().Users.AnyAsync(u => u.Email == "mallory@example.org")));
    }

    [Fact]
    public async Task Validation_errors_are_problem_details_that_say_what_to_fix()
    {
        var client = await app.ClientForAsync(Role.Administrator);

        using var response = await client.PostAsJsonAsync("/api/v1/admin/users", new { email = "someone@example.org", displayName = "", role = "Member" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("name", (await response.Content.ReadAsStringAsync()).ToLowerInvariant());
    }

    private Task SetTwoFactorRequiredAsync(bool required) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<SpeanDbContext>();
        var settings = await db.NetworkSettings.FirstOrDefaultAsync();
        if (settings is null) db.NetworkSettings.Add(settings = new NetworkSettings());
        settings.RequireTwoFactorForStaff = required;
        await db.SaveChangesAsync();
    });
}

[Collection(nameof(SqliteApp))]
public sealed class SqliteSecurityTests(SqliteApp app) : SecurityTests(app);

[Collection(nameof(PostgresApp))]
public sealed class PostgresSecurityTests(PostgresApp app) : SecurityTests(app);
