using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Monitoring.Evidence;
using Spean.Core.Monitoring.Reports;

namespace Spean.EndToEnd.Tests;

/// <summary>
/// A photo sent over a link steadily slower than 10 kB/s arrives. The phone used to give a photo up after 45 s and its
/// time at 10 kB/s, however fast its bytes were leaving, and to send it again from zero: on such a link it never arrived.
/// A photo whose link drops midway is sent on from what the server holds, not again from its start.
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

    [Fact]
    public async Task A_photo_whose_connection_drops_midway_is_sent_on_from_what_arrived_and_kept_once_with_its_hash()
    {
        var (email, password) = await app.CreateUserAsync(Role.Member, await app.CreateOrganisationAsync("Monitors"));
        using var signal = new WeakSignal(app.BaseUrl);
        var page = await app.NewPhonePageAsync(signal.Url);
        var capture = new CapturePage(page);
        await new SignInPage(page).SignInAsync(email, password, "/capture");
        await capture.UnlockAsync(Passphrase, first: true);
        var photo = await capture.NoisyJpegAsync(300);
        Assert.InRange(photo.Length, 250_000, 400_000);
        var folder = app.Services.GetRequiredService<EvidenceOptions>().DirectoryPath;
        var photoPosts = new List<IRequest>();
        var held = new List<long>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/evidence", StringComparison.Ordinal)) lock (photoPosts) photoPosts.Add(request);
        };
        page.Response += async (_, response) =>
        {
            if (!response.Url.Contains("/evidence/uploads/", StringComparison.Ordinal) || !response.Ok) return;
            var receivedBytes = System.Text.Json.JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("receivedBytes").GetInt64();
            lock (held) held.Add(receivedBytes);
        };
        signal.UploadBytesPerSecond = 32 * 1024;
        const string title = "Fence posts in the rice fields";
        var sha256 = await capture.QueueAsync(title, "New fence posts cut the villagers off from their fields.", "Dara Witness", photo);

        // The signal goes once the server holds three of the photo's 64 KiB pieces, and comes back, strong, once the phone has seen it go.
        var clock = Stopwatch.StartNew();
        while (!Directory.Exists(folder) || !Directory.EnumerateFiles(folder, "*.upload").Any(f => new FileInfo(f).Length >= Header + 3 * SealedPiece))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the server never held three pieces of the photo");
            await Task.Delay(50);
        }
        signal.Lose();
        await Assertions.Expect(capture.Item(title)).ToContainTextAsync("The connection dropped", new() { Timeout = 30_000 });
        signal.UploadBytesPerSecond = null;
        signal.Restore();
        await capture.SendNow.ClickAsync();
        await Assertions.Expect(capture.Item(title)).ToContainTextAsync("Submitted for review.", new() { Timeout = 60_000 });

        var resumedFrom = Assert.Single(held);
        Assert.True(resumedFrom >= 3 * Piece, $"the phone was told the server holds {resumedFrom} bytes");
        Assert.Equal(2, photoPosts.Count);
        // All the phone sent once the signal was back: the question what arrived, the rest of the photo, the submission, each
        // request with its headers (the session cookie alone is about 2 kB); from zero, the whole photo again (some 300 kB).
        var resent = signal.Sent;
        log.WriteLine($"a photo of {photo.Length} bytes: the server held {resumedFrom} when the signal dropped; then the phone sent {resent} bytes in all");
        Assert.InRange(resent, photo.Length - resumedFrom, photo.Length - resumedFrom + 3 * 4_000);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeanDbContext>();
        var author = await db.Users.SingleAsync(u => u.Email == email);
        var report = await db.Reports.SingleAsync(r => r.AuthorId == author.Id);
        Assert.Equal((title, ReportStatus.Submitted), (report.Title, report.Status));
        var kept = Assert.Single(await db.EvidenceFiles.Where(f => f.ReportId == report.Id).ToListAsync());
        Assert.Equal((sha256, photo.LongLength), (kept.Sha256, kept.Size));
        Assert.Empty(Directory.EnumerateFiles(folder, "*.upload"));
        await page.Context.CloseAsync();
    }

    /// <summary>The encrypted evidence format (EvidenceCipher in Spean.Core): a 28-byte header, then 64 KiB pieces sealed with a 16-byte tag.</summary>
    private const int Header = 28, Piece = 64 * 1024, SealedPiece = Piece + 16;
}
