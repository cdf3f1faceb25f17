using Microsoft.Playwright;
using Spean.Core.Accounts;

namespace Spean.EndToEnd.Tests;

/// <summary>The Content-Security-Policy the app sends, as Chromium enforces it: no page of the main journeys may break a rule.</summary>
[Collection(nameof(BrowserApp))]
public sealed class ContentSecurityPolicyTests(BrowserApp app)
{
    private static readonly string[] Pages =
    [
        "/", "/recommendations", "/recommendations/statistics", "/reports", "/reports/new", "/reports/timeline", "/map", "/capture",
        "/gazetteer", "/account", "/account/two-factor", "/account/tokens", "/admin/users", "/admin/audit",
    ];

    [Fact]
    public async Task The_main_pages_break_no_rule_of_the_content_security_policy()
    {
        var (email, password) = await app.CreateUserAsync(Role.Administrator);
        var page = await app.NewDesktopPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add($"{page.Url}: {message.Text}");
        };
        await page.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));");

        await new SignInPage(page).SignInAsync(email, password, "/");
        foreach (var address in Pages)
        {
            var response = await page.GotoAsync(address, new() { WaitUntil = WaitUntilState.NetworkIdle, Timeout = 60_000 });
            Assert.Contains("frame-ancestors 'none'", (await response!.AllHeadersAsync())["content-security-policy"]);
        }

        Assert.Empty(violations);
    }
}
