using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;

namespace Spean.EndToEnd.Tests;

/// <summary>
/// A photo sent over a link steadily slower than 10 kB/s arrives. The phone used to give a photo up after 45 s and its
/// time at 10 kB/s, however fast its bytes were leaving, and to send it again from zero: on such a link it never arrived.
/// </summary>
[Collection(nameof(BrowserApp))]
public sealed class SlowLinkCaptureTests(BrowserApp app, ITestOutputHelper log)
{
    private const string Passphrase = "the river by the old pagoda";
    private const int UploadBytesPerSecond = 4 * 1024;

    [Fact]
    public async Task A_photo_sent_over_a_link_slower_than_10_kB_per_second_arrives_once_with_its_hash()
    {
        var (email, password) = await app.CreateUserAsync(Role.Member, await app.CreateOrganisationAsync("Monitors"));
        var page = await app.NewPhonePageAsync();
        // The waits the page gives its script, 45 s on a phone, scaled down to seconds so that a photo of 80 kB shows the
        // rule in 20 s instead of one of a megabyte in minutes: the old rule gave it up after 2 s and its time at 10 kB/s
        // (10 s) every time, when it needs 20 s at 4 kB/s; the new one waits while its bytes move, and 10 s when they stop.
        var scaledDown = false;
        await page.RouteAsync("**/capture", async route =>
        {
            var response = await route.FetchAsync();
            var html = Regex.Replace(await response.TextAsync(), "\"sending\":\\{[^}]*\\}", "\"sending\":{\"stalledAfterMs\":10000,\"answerWithinMs\":2000}");
            scaledDown = html.Contains("\"answerWithinMs\":2000", StringComparison.Ordinal);
            await route.FulfillAsync(new() { Response = response, Body = html });
        });
        var capture = new CapturePage(page);
        // Signed in first, then the form opened itself: a redirect's target does not pass through the route.
        await new SignInPage(page).SignInAsync(email, password);
        await page.GotoAsync("/capture");
        Assert.True(scaledDown, "the page's configuration no longer gives the script its waits as \"sending\"");
        await capture.UnlockAsync(Passphrase, first: true);
        var photo = await capture.NoisyJpegAsync(80);
        Assert.InRange(photo.Length, 70_000, 110_000);

        // Chromium sends this page's requests no faster than 4 kB/s (the script sends from the page; the service worker only
        // answers GETs), in reads of 16 kB; answers come at full speed.
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 0, ["downloadThroughput"] = -1, ["uploadThroughput"] = UploadBytesPerSecond,
        });
        var photoPosts = 0;
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/evidence", StringComparison.Ordinal)) Interlocked.Increment(ref photoPosts);
        };
        var clock = Stopwatch.StartNew();
        const string title = "Land cleared at the community forest";
        var sha256 = await capture.QueueAsync(title, "Bulldozers cleared the spirit forest at dawn.", "Chenda Witness", photo);

        // While the photo is on its way the monitor sees how far it has got.
        var item = capture.Item(title);
        await Assertions.Expect(item).ToContainTextAsync("Sending");
        await Assertions.Expect(item).ToContainTextAsync("Photo 1 of 1:");
        await Assertions.Expect(item).ToContainTextAsync("Submitted for review.", new() { Timeout = 60_000 });
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"a photo of {photo.Length / 1024} kB sent at {UploadBytesPerSecond / 1024} kB/s: queued to sent in {clock.Elapsed.TotalSeconds:F1} s"));
        Assert.Equal(1, photoPosts);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeanDbContext>();
        var author = await db.Users.SingleAsync(u => u.Email == email);
        var report = await db.Reports.SingleAsync(r => r.AuthorId == author.Id);
        Assert.Equal((title, ReportStatus.Submitted), (report.Title, report.Status));
        Assert.Equal(sha256, Assert.Single(await db.EvidenceFiles.Where(f => f.ReportId == report.Id).ToListAsync()).Sha256);
        await page.Context.CloseAsync();
    }
}
