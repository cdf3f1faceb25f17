using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Spean.Core.Accounts;
using Spean.Core.Notifications;

namespace Spean.EndToEnd.Tests.Notifications;

[Collection(nameof(BrowserApp))]
public sealed class NotificationsPhoneTests(BrowserApp app)
{
    [Fact]
    public async Task A_coordinator_on_a_phone_follows_the_bell_and_marks_everything_read_without_sideways_scrolling()
    {
        var organisation = await app.CreateOrganisationAsync("Bell");
        var (user, password) = await app.CreateUserWithIdAsync(Role.Coordinator, organisation);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync([user.Id],
                new NotificationTopic("phone-test", "Phone test", "សាកល្បងទូរស័ព្ទ", false),
                new NotificationText("Submission to the fourth review of Cambodia: three sections still empty, deadline in seven days",
                    "ការដាក់ស្នើសម្រាប់ការត្រួតពិនិត្យលើកទីបួនរបស់កម្ពុជា៖ នៅសល់ផ្នែកបីនៅទទេ ថ្ងៃផុតកំណត់ក្នុងរយៈពេលប្រាំពីរថ្ងៃ", "/reports"), "phone-test:1");
        var page = await app.NewPhonePageAsync();
        await new SignInPage(page).SignInAsync(user.Email!, password);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What awaits you" })).ToBeVisibleAsync();
        Assert.False(await Overflows(page), "the home page scrolls sideways on a 360-pixel phone");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "home-signed-in-phone.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Notifications: 1 unread" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Notifications");
        Assert.False(await Overflows(page), "the notifications page scrolls sideways on a 360-pixel phone");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "notifications-phone.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Mark all read" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Notifications: none unread" })).ToBeVisibleAsync();

        await page.GotoAsync("/notifications/preferences");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("What you receive");
        Assert.False(await Overflows(page), "the preferences page scrolls sideways on a 360-pixel phone");
    }

    private static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
}
