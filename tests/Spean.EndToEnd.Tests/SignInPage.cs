using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Spean.EndToEnd.Tests;

/// <summary>The sign-in page, driven through its labels as a person would.</summary>
public sealed partial class SignInPage(IPage page)
{
    public async Task SignInAsync(string email, string password, string returnUrl = "/")
    {
        await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Only until the browser leaves the sign-in page: what the next page shows is for the test's own
        // assertions, which wait for it, whereas waiting for its load event here timed out on a busy machine. The URL is
        // polled: WaitForURLAsync, when the redirect has already landed, waits for the load event whatever it is told
        // (microsoft/playwright-dotnet#3365).
        try
        {
            await Assertions.Expect(page).Not.ToHaveURLAsync(SignInUrl(), new() { Timeout = 30_000 });
        }
        catch (PlaywrightException e)
        {
            throw new TimeoutException($"Still at {page.Url} after signing in; the page says: {await page.InnerTextAsync("main")}", e);
        }
    }

    [GeneratedRegex("/account/login")]
    private static partial Regex SignInUrl();
}
