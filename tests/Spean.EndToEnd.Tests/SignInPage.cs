using Microsoft.Playwright;

namespace Spean.EndToEnd.Tests;

/// <summary>The sign-in page, driven through its labels as a person would.</summary>
public sealed class SignInPage(IPage page)
{
    public async Task SignInAsync(string email, string password, string returnUrl = "/")
    {
        await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Only until the browser leaves the sign-in page: what the next page shows is for the test's own
        // assertions, which wait for it, whereas waiting for its load event here timed out on a busy machine.
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Still at {page.Url} after signing in; the page says: {await page.InnerTextAsync("main")}", e);
        }
    }
}
