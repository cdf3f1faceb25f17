using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Auditing;
using Spean.Core.Data;

namespace Spean.Web.Tests.Infrastructure;

[Collection(nameof(SqliteApp))]
public sealed partial class SecurityHeaderTests(SqliteApp app)
{
    private static readonly string[] Pages =
    [
        "/", "/recommendations", "/recommendations/statistics", "/recommendations/saved", "/recommendations/new", "/recommendations/predict",
        "/reports", "/reports/new", "/reports/timeline", "/map", "/capture", "/countries", "/gazetteer", "/sdgs",
        "/account", "/account/tokens", "/account/two-factor", "/account/password", "/account/login",
        "/admin/users", "/admin/organisations", "/admin/audit", "/admin/settings",
    ];

    [Fact]
    public async Task Every_page_forbids_framing_and_inline_script_and_holds_no_inline_script_style_or_handler()
    {
        var client = await app.ClientForAsync(Role.Administrator);
        var shown = new List<string>();
        foreach (var page in Pages)
        {
            using var response = await client.GetAsync(page);
            var csp = string.Join(";", response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values : []);
            Assert.True(csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal), $"{page} answers without frame-ancestors 'none'");
            Assert.Contains("script-src 'self';", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            if (response.StatusCode != HttpStatusCode.OK) continue;
            var html = await response.Content.ReadAsStringAsync();
            Assert.False(InlineStyle().IsMatch(html), $"{page} has an inline style attribute: {InlineStyle().Match(html).Value}");
            Assert.False(InlineHandler().IsMatch(html), $"{page} has an inline event handler: {InlineHandler().Match(html).Value}");
            Assert.False(InlineScript().IsMatch(html), $"{page} has an inline script: {InlineScript().Match(html).Value}");
            shown.Add(page);
        }
        Assert.True(shown.Count >= 15, $"only {string.Join(", ", shown)} could be shown");
    }

    [Fact]
    public async Task The_two_factor_page_with_its_QR_code_has_no_inline_style()
    {
        var user = await app.CreateUserAsync(Role.Member, password: "the right password");
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SubmitAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = "the right password" });

        var html = await client.GetStringAsync("/account/two-factor");

        Assert.Contains("<svg", html);
        Assert.False(InlineStyle().IsMatch(html), $"the two-factor page has an inline style: {InlineStyle().Match(html).Value}");
    }

    [GeneratedRegex("""<[a-zA-Z][^>]*\sstyle\s*=""")]
    private static partial Regex InlineStyle();

    [GeneratedRegex("""<[a-zA-Z][^>]*\son[a-z]+\s*=""")]
    private static partial Regex InlineHandler();

    // A script without src that is not a JSON data block.
    [GeneratedRegex("""<script(?![^>]*\ssrc=)(?![^>]*type="application/json")[^>]*>""")]
    private static partial Regex InlineScript();
}

/// <summary>The app as it runs behind a reverse proxy at 10.0.0.2; the test says which address each request comes from.</summary>
public sealed class ProxiedApp : SpeanApp
{
    public const string PeerHeader = "Test-Peer-Address";

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override int SignInAttemptsPerMinute => 2;

    public override int PublicApiRequestsPerMinute => 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Spean:KnownProxies:0", "10.0.0.2");
        builder.UseSetting("Spean:KnownProxies:1", "fd00::/8");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerAddress>());
    }

    /// <summary>Stands in for the TCP connection: TestServer has no remote address of its own.</summary>
    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[PeerHeader].ToString() is { Length: > 0 } peer ? peer : "192.0.2.50");
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class ForwardedHeaderTests(ProxiedApp app) : IClassFixture<ProxiedApp>
{
    [Fact]
    public async Task Sign_in_limits_and_the_audit_trail_see_the_client_the_known_proxy_names_and_ignore_what_anyone_else_claims()
    {
        var viaProxy = new List<HttpStatusCode>();
        foreach (var client in new[] { "198.51.100.7", "198.51.100.7", "198.51.100.8", "198.51.100.7" })
            viaProxy.Add(await SignInAsync(peer: "10.0.0.2", forwardedFor: client));
        var direct = new List<HttpStatusCode>();
        foreach (var claimed in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" })
            direct.Add(await SignInAsync(peer: "192.0.2.99", forwardedFor: claimed));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], viaProxy);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], direct);
        var addresses = await app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>().AuditEntries
            .Where(e => e.Action == AuditAction.SignInFailed && e.Detail!.Contains(email)).Select(e => e.IpAddress).ToListAsync());
        Assert.Equal(["192.0.2.99", "192.0.2.99", "198.51.100.7", "198.51.100.7", "198.51.100.8"], addresses.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_public_API_limits_each_client_apart_and_says_when_to_try_again()
    {
        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) first.Add(await CountriesAsync("198.51.100.30"));
        var other = await CountriesAsync("198.51.100.31");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.OK, other);
        using var refused = await CountriesRequestAsync("198.51.100.30");
        Assert.Contains("Wait a minute", (await refused.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    private async Task<HttpStatusCode> CountriesAsync(string forwardedFor)
    {
        using var response = await CountriesRequestAsync(forwardedFor);
        return response.StatusCode;
    }

    private Task<HttpResponseMessage> CountriesRequestAsync(string forwardedFor)
    {
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Add(ProxiedApp.PeerHeader, "10.0.0.2");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client.GetAsync("/api/v1/countries");
    }

    private readonly string email = $"someone-{Guid.NewGuid():N}@example.org";

    [Fact]
    public async Task Behind_the_known_proxy_on_https_cookies_are_secure_and_HSTS_is_sent_but_not_when_anyone_else_claims_https()
    {
        using var proxied = await GetLoginAsync(peer: "fd00::1");
        using var claimed = await GetLoginAsync(peer: "192.0.2.99");

        Assert.True(proxied.Headers.Contains("Strict-Transport-Security"));
        Assert.All(proxied.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.False(claimed.Headers.Contains("Strict-Transport-Security"));
        Assert.All(claimed.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<HttpResponseMessage> GetLoginAsync(string peer)
    {
        var client = app.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Host = "spean.example.org";
        request.Headers.Add(ProxiedApp.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-For", "198.51.100.20");
        request.Headers.Add("X-Forwarded-Proto", "https");
        return await client.SendAsync(request);
    }

    private async Task<HttpStatusCode> SignInAsync(string peer, string forwardedFor)
    {
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Add(ProxiedApp.PeerHeader, peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SubmitAsync("/account/login",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "a wrong guess" });
        return response.StatusCode;
    }
}
