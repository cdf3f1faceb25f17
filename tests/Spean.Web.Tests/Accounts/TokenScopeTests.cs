using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Web.Accounts;
using Spean.Web.Tests.Infrastructure;
using Spean.Web.Tests.Monitoring;

namespace Spean.Web.Tests.Accounts;

/// <summary>Personal access tokens: a scope, an expiry within a year, no tokens made by tokens, and none that outlive a password change.</summary>
public abstract class TokenScopeTests(SpeanApp app)
{
    [Fact]
    public async Task A_read_token_reads_but_any_change_is_a_403_problem()
    {
        var a = await ReportsWorld.OrganisationAsync(app, "A");
        var member = await app.CreateUserAsync(Role.Member, organisationId: a);
        var client = await TokenClientAsync(member, TokenScope.Read);

        using var read = await client.GetAsync("/api/v1/me/tokens");
        using var file = await client.PostAsJsonAsync("/api/v1/reports", ReportsWorld.Input("Read tokens cannot file"));
        var tokenId = (await client.GetJsonAsync("/api/v1/me/tokens"))[0].GetProperty("id").GetString();
        using var revoke = await client.DeleteAsync($"/api/v1/me/tokens/{tokenId}");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("only read", (await ReportsWorld.ProblemAsync(file, HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
        await ReportsWorld.ProblemAsync(revoke, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_token_cannot_create_tokens()
    {
        var client = await app.ClientForAsync(Role.Member);

        using var response = await client.PostAsJsonAsync("/api/v1/me/tokens", new { name = "child", expiresInDays = 30, scope = "Read" });

        Assert.Contains("cannot create tokens", (await ReportsWorld.ProblemAsync(response, HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_token_needs_an_expiry_of_at_most_a_year_and_a_scope()
    {
        var user = await app.CreateUserAsync(Role.Member, password: "the right password");
        var browser = app.AnonymousClient();
        await browser.SubmitAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = "the right password" });
        var antiforgery = await AntiforgeryHeaderAsync(browser);

        using var noExpiry = await PostTokenAsync(browser, antiforgery, new { name = "forever", scope = "Read" });
        using var tooLong = await PostTokenAsync(browser, antiforgery, new { name = "two years", expiresInDays = 730, scope = "Read" });
        using var noScope = await PostTokenAsync(browser, antiforgery, new { name = "unscoped", expiresInDays = 30 });
        using var good = await PostTokenAsync(browser, antiforgery, new { name = "good", expiresInDays = 365, scope = "Read" });

        Assert.Contains("expiresInDays", await noExpiry.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, noExpiry.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("scope", await noScope.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        Assert.Equal("Read", (await good.ReadJsonAsync()).GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Changing_the_password_revokes_every_token()
    {
        var user = await app.CreateUserAsync(Role.Member, password: "the old password");
        var script = await app.ClientForAsync(user);
        var browser = app.AnonymousClient();
        await browser.SubmitAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = "the old password" });

        using var change = await browser.SubmitAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.Current"] = "the old password", ["Input.Password"] = "the new password", ["Input.Confirm"] = "the new password",
        });
        using var after = await script.GetAsync("/api/v1/me");

        Assert.Contains("changed", await change.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Resetting_the_password_from_a_link_revokes_every_token()
    {
        var user = await app.CreateUserAsync(Role.Member, password: "the forgotten password");
        var script = await app.ClientForAsync(user);
        var resetToken = await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<SpeanUser>>();
            return await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        });

        using var reset = await app.AnonymousClient().SubmitAsync("/account/reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!, ["Input.Token"] = resetToken, ["Input.Password"] = "the new password", ["Input.Confirm"] = "the new password",
        });
        using var after = await script.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    private async Task<HttpClient> TokenClientAsync(SpeanUser user, TokenScope scope)
    {
        var token = await app.WithScopeAsync(services => services.GetRequiredService<PersonalAccessTokens>().CreateAsync(user.Id, "tests", 1, scope));
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }

    private static async Task<string?> AntiforgeryHeaderAsync(HttpClient browser)
    {
        var html = await browser.GetStringAsync("/account/tokens");
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    private static Task<HttpResponseMessage> PostTokenAsync(HttpClient browser, string? antiforgery, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/me/tokens") { Content = JsonContent.Create(body) };
        if (antiforgery is not null) request.Headers.Add("RequestVerificationToken", antiforgery);
        return browser.SendAsync(request);
    }
}

[Collection(nameof(SqliteApp))]
public sealed class SqliteTokenScopeTests(SqliteApp app) : TokenScopeTests(app);

[Collection(nameof(PostgresApp))]
public sealed class PostgresTokenScopeTests(PostgresApp app) : TokenScopeTests(app);
