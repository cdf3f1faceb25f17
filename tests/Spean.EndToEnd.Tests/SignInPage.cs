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
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }
}
