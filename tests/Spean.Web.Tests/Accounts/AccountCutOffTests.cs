using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Spean.Core.Accounts;
using Spean.Core.Auditing;
using Spean.Core.Data;
using Spean.Web.Tests.Infrastructure;
using Spean.Web.Tests.Monitoring;
using static Spean.Web.Tests.Accounts.Administrators;

namespace Spean.Web.Tests.Accounts;

/// <summary>
/// Cutting off an account, for a monitor whose phone is lost: sign-in refused, tokens dead at once, browsers
/// signed out within a minute. Each class has an app of its own whose clock the test moves forward.
/// </summary>
public abstract class AccountCutOffTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly ClockApp app = new(provider);

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_its_tokens_stop_at_once_and_its_browser_within_a_minute()
    {
        var a = await ReportsWorld.OrganisationAsync(app, "A");
        var (_, admin) = await PersonAsync(app, Role.Administrator, a);
        var monitor = await app.CreateUserAsync(Role.Member, password: "the monitor's password", organisationId: a);
        var script = await app.ClientForAsync(monitor);
        var browser = await SignedInAsync(monitor, "the monitor's password");
        using (var before = await browser.GetAsync("/account")) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var disable = await admin.PostAsync($"/api/v1/admin/users/{monitor.Id}/disable", null);
        using var token = await script.GetAsync("/api/v1/me");
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        using var page = await browser.GetAsync("/account");
        using var signIn = await SignInAsync(app.AnonymousClient(), monitor, "the monitor's password");

        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.True((await disable.ReadJsonAsync()).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().AuditEntries
            .AnyAsync(e => e.Action == AuditAction.Disabled && e.Detail!.Contains(monitor.Email!) && e.OrganisationId == a)));
        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().AuditEntries
            .AnyAsync(e => e.Action == AuditAction.Refused && e.Detail == $"sign-in refused for {monitor.Email}: the account is disabled")));
        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().PersonalAccessTokens
            .Where(t => t.UserId == monitor.Id).AllAsync(t => t.RevokedAt != null)));
    }

    [Fact]
    public async Task A_re_enabled_account_signs_in_again_with_new_tokens_only()
    {
        var a = await ReportsWorld.OrganisationAsync(app, "A");
        var (_, admin) = await PersonAsync(app, Role.Administrator, a);
        var monitor = await app.CreateUserAsync(Role.Member, password: "the monitor's password", organisationId: a);
        var oldScript = await app.ClientForAsync(monitor);

        using var disable = await admin.PostAsync($"/api/v1/admin/users/{monitor.Id}/disable", null);
        using var enable = await admin.PostAsync($"/api/v1/admin/users/{monitor.Id}/enable", null);
        using var signIn = await SignInAsync(app.AnonymousClient(), monitor, "the monitor's password");
        using var oldToken = await oldScript.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        Assert.False((await enable.ReadJsonAsync()).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldToken.StatusCode);
        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().AuditEntries
            .AnyAsync(e => e.Action == AuditAction.Enabled && e.Detail!.Contains(monitor.Email!))));
    }

    [Fact]
    public async Task A_role_change_reaches_tokens_at_once_and_browsers_within_a_minute()
    {
        var a = await ReportsWorld.OrganisationAsync(app, "A");
        var (_, admin) = await PersonAsync(app, Role.Administrator, a);
        var coordinator = await app.CreateUserAsync(Role.Coordinator, password: "the coordinator's password", organisationId: a);
        var script = await app.ClientForAsync(coordinator);
        var browser = await SignedInAsync(coordinator, "the coordinator's password");
        using (var before = await browser.GetAsync("/reports/new")) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var demote = await admin.PutAsJsonAsync($"/api/v1/admin/users/{coordinator.Id}/role", new { role = "Viewer" });
        using var filed = await script.PostAsJsonAsync("/api/v1/reports", ReportsWorld.Input("After demotion"));
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        using var page = await browser.GetAsync("/reports/new");

        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, filed.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task An_administrator_revokes_another_users_tokens()
    {
        var a = await ReportsWorld.OrganisationAsync(app, "A");
        var (_, admin) = await PersonAsync(app, Role.Administrator, a);
        var (_, script) = await PersonAsync(app, Role.Member, a);
        var member = (await script.GetJsonAsync("/api/v1/me")).GetProperty("id").GetGuid();

        using var revoke = await admin.PostAsync($"/api/v1/admin/users/{member}/revoke-tokens", null);
        using var after = await script.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Opening_the_two_factor_page_signs_nobody_out()
    {
        var (_, laptop, phone) = await MonitorOnLaptopAndPhoneAsync();

        using var setup = await laptop.GetAsync("/account/two-factor");
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        using var onLaptop = await laptop.GetAsync("/account");
        using var onPhone = await phone.GetAsync("/account");

        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onLaptop.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onPhone.StatusCode);
    }

    [Fact]
    public async Task Two_sessions_opening_the_two_factor_page_at_once_are_shown_the_same_key()
    {
        var (monitor, laptop, phone) = await MonitorOnLaptopAndPhoneAsync();

        var pages = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => (i % 2 == 0 ? laptop : phone).GetAsync("/account/two-factor")));
        var keys = new List<string>();
        foreach (var page in pages)
        {
            using (page)
            {
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                keys.Add(Regex.Match(await page.Content.ReadAsStringAsync(), "<span class=\"secret\">([a-z2-7 ]+)</span>").Groups[1].Value);
            }
        }
        var stored = await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<SpeanUser>>();
            return await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(monitor.Id.ToString()))!);
        });

        Assert.All(keys, key => Assert.Equal(stored!.ToLowerInvariant(), key.Replace(" ", "", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_tokens_last_use_is_written_at_most_once_a_minute_however_often_it_is_used()
    {
        var a = await ReportsWorld.OrganisationAsync(app, "A");
        var monitor = await app.CreateUserAsync(Role.Member, password: "the monitor's password", organisationId: a);
        var script = await app.ClientForAsync(monitor);
        async Task<DateTime?> UseAsync()
        {
            using var me = await script.GetAsync("/api/v1/me");
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            return await app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().PersonalAccessTokens
                .Where(t => t.UserId == monitor.Id).Select(t => t.LastUsedAt).SingleAsync());
        }

        var first = await UseAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var halfAMinuteLater = await UseAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        var aMinuteLater = await UseAsync();

        Assert.NotNull(first);
        Assert.Equal(first, halfAMinuteLater);
        Assert.True(aMinuteLater >= first + TimeSpan.FromSeconds(61), $"written again after a minute: {first:O} then {aMinuteLater:O}");
    }

    [Fact]
    public async Task A_script_is_answered_while_a_long_write_holds_the_database()
    {
        var a = await ReportsWorld.OrganisationAsync(app, "A");
        var monitor = await app.CreateUserAsync(Role.Member, organisationId: a);
        var script = await app.ClientForAsync(monitor);

        // As an import by the command line would: SQLite's one writer taken, or on PostgreSQL the tables it imports into.
        await using DbConnection holder = provider == DatabaseProvider.Sqlite ? new SqliteConnection(app.ConnectionString) : new NpgsqlConnection(app.ConnectionString);
        await holder.OpenAsync();
        await using var hold = holder.CreateCommand();
        hold.CommandText = provider == DatabaseProvider.Sqlite ? "BEGIN EXCLUSIVE" : """BEGIN; LOCK TABLE "Recommendations" IN EXCLUSIVE MODE""";
        await hold.ExecuteNonQueryAsync();

        using var me = await script.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    private async Task<(SpeanUser Monitor, HttpClient Laptop, HttpClient Phone)> MonitorOnLaptopAndPhoneAsync()
    {
        var a = await ReportsWorld.OrganisationAsync(app, "A");
        var monitor = await app.CreateUserAsync(Role.Member, password: "the monitor's password", organisationId: a);
        return (monitor, await SignedInAsync(monitor, "the monitor's password"), await SignedInAsync(monitor, "the monitor's password"));
    }

    private async Task<HttpClient> SignedInAsync(SpeanUser user, string password)
    {
        var client = app.AnonymousClient();
        using var response = await SignInAsync(client, user, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, SpeanUser user, string password) =>
        client.SubmitAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = password });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => app.DisposeAsync().AsTask();

    /// <summary>The system clock plus an offset the test moves, so the cookie's age can pass the account check interval.</summary>
    internal sealed class MovableClock : TimeProvider
    {
        private TimeSpan offset;

        public void Advance(TimeSpan by) => offset += by;

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
    }

    private sealed class ClockApp(DatabaseProvider provider) : SpeanApp
    {
        public MovableClock Clock { get; } = new();

        public override DatabaseProvider Provider => provider;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}

public sealed class SqliteAccountCutOffTests() : AccountCutOffTests(DatabaseProvider.Sqlite);

public sealed class PostgresAccountCutOffTests() : AccountCutOffTests(DatabaseProvider.PostgreSql);
