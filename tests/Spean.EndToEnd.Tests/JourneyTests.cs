using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Spean.Core.Accounts;

namespace Spean.EndToEnd.Tests;

[Collection(nameof(BrowserApp))]
public sealed class JourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Administrator_signs_in_switches_to_Khmer_and_sees_the_audit_trail_in_Khmer()
    {
        Guid organisation;
        await using (var scope = app.Services.CreateAsyncScope())
            organisation = (await scope.ServiceProvider.GetRequiredService<UserAccounts>().FindOrCreateOrganisationAsync("Journey " + Guid.NewGuid().ToString("N")[..6])).Id;
        var (email, password) = await app.CreateUserAsync(Role.Administrator, organisation);
        var page = await app.NewDesktopPageAsync();

        await new SignInPage(page).SignInAsync(email, password, "/admin/audit");
        await page.GetByRole(AriaRole.Link, new() { Name = "ភាសាខ្មែរ" }).ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "km");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("កំណត់ត្រាសវនកម្ម");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "បានចូល" }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "audit-trail-km.png") });

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Audit trail");
    }

    [Fact]
    public async Task Visitor_drills_down_the_gazetteer_from_the_provinces_to_Phnom_Penh_districts_on_a_phone()
    {
        var page = await app.NewPhonePageAsync();

        await page.GotoAsync("/gazetteer");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "25 units below" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Phnom Penh", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Phnom Penh");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "14 units below" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Chamkar Mon" })).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the page scrolls sideways on a 360-pixel phone");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "gazetteer-phone.png"), FullPage = false });

        await page.GetByRole(AriaRole.Link, new() { Name = "Chamkar Mon" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Phnom Penh" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Gazetteer_search_finds_a_commune_by_its_Khmer_name()
    {
        var page = await app.NewPhonePageAsync();
        await page.GotoAsync("/culture/km?returnUrl=%2Fgazetteer");

        await page.GetByLabel("ស្វែងរកទីកន្លែង").FillAsync("ព្រះវិហារ");
        await page.GetByRole(AriaRole.Button, new() { Name = "ស្វែងរក" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "ព្រះវិហារ" }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "gazetteer-search-km.png") });
    }

    [Fact]
    public async Task Viewer_is_refused_an_administrator_page()
    {
        var (email, password) = await app.CreateUserAsync(Role.Viewer);
        var page = await app.NewDesktopPageAsync();
        await new SignInPage(page).SignInAsync(email, password);

        await page.GotoAsync("/admin/users");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Access denied");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Home_page_renders_Khmer_with_the_shipped_font()
    {
        var page = await app.NewDesktopPageAsync();
        await page.GotoAsync("/culture/km?returnUrl=%2F");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("ស្ពាន");
        var fontLoaded = await page.EvaluateAsync<bool>("document.fonts.ready.then(() => document.fonts.check('16px \"Noto Sans Khmer\"', 'ស្ពាន'))");
        Assert.True(fontLoaded, "Noto Sans Khmer did not load from the app");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "home-km.png") });
    }
}
