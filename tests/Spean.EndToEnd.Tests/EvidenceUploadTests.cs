using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;
using Spean.Testing.Monitoring;

namespace Spean.EndToEnd.Tests;

/// <summary>The report page's upload script in a real browser: it hashes the file, sends it, and shows what the server answers.</summary>
[Collection(nameof(BrowserApp))]
public sealed class EvidenceUploadTests(BrowserApp app)
{
    private static readonly byte[] Photo = SampleFiles.Jpeg(
        SampleFiles.Exif("samsung", "Galaxy A12", "2025:03:14 09:26:53", "+07:00", 13.8047, 104.9802), comment: "at the clearing");

    private static readonly string PhotoSha256 = Convert.ToHexStringLower(SHA256.HashData(Photo));

    [Fact]
    public async Task The_browser_and_the_server_agree_on_the_SHA_256_and_a_retry_after_a_lost_answer_keeps_one_file()
    {
        var (email, password, reportId) = await DraftReportAsync();
        var page = await app.NewPhonePageAsync();
        await new SignInPage(page).SignInAsync(email, password, $"/reports/{reportId}");
        var uploadIds = new List<string>();
        await page.RouteAsync("**/api/v1/reports/*/evidence", async route =>
        {
            uploadIds.Add(Field(route.Request.PostDataBuffer, "clientUploadId"));
            if (uploadIds.Count > 1)
            {
                await route.ContinueAsync();
                return;
            }
            // The server stores the file, but its answer never reaches the phone.
            await using var delivered = await route.FetchAsync();
            Assert.Equal(201, delivered.Status);
            await route.AbortAsync();
        });

        await page.GetByLabel("File").SetInputFilesAsync(new FilePayload { Name = "clearing.jpg", MimeType = "image/jpeg", Buffer = Photo });
        await Assertions.Expect(page.Locator("[data-hash] code")).ToHaveTextAsync(PhotoSha256);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "The connection failed" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        var uploaded = page.Locator("article.evidence-file");
        await Assertions.Expect(uploaded).ToHaveCountAsync(1);
        await Assertions.Expect(uploaded.Locator("code.hash")).ToHaveTextAsync(PhotoSha256);
        await Assertions.Expect(uploaded).ToContainTextAsync("samsung Galaxy A12");
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"), "the page scrolls sideways on a 360-pixel phone");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "evidence-uploaded-phone.png"), FullPage = true });
        // Pressed again, the page asks what arrived before sending anything: the server has kept the file, so it is not sent twice.
        Assert.Single(uploadIds);
        Assert.Equal([PhotoSha256], await StoredHashesAsync(reportId));
    }

    [Fact]
    public async Task A_file_whose_connection_drops_midway_is_sent_on_from_what_arrived_when_Upload_is_pressed_again()
    {
        var (email, password, reportId) = await DraftReportAsync();
        using var signal = new WeakSignal(app.BaseUrl);
        var page = await app.NewPhonePageAsync(signal.Url);
        await new SignInPage(page).SignInAsync(email, password, $"/reports/{reportId}");
        var file = Photo.Concat(RandomNumberGenerator.GetBytes(300_000)).ToArray();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(file));
        long sentForTheRest = -1;
        page.Response += (_, response) =>
        {
            if (response.Request.Method == "POST" && response.Url.EndsWith("/evidence", StringComparison.Ordinal) && response.Status == 201)
                sentForTheRest = signal.Sent;
        };
        await page.GetByLabel("File").SetInputFilesAsync(new FilePayload { Name = "clearing.jpg", MimeType = "image/jpeg", Buffer = file });
        await Assertions.Expect(page.Locator("[data-hash] code")).ToHaveTextAsync(sha256);
        signal.UploadBytesPerSecond = 32 * 1024;
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        var folder = app.Services.GetRequiredService<Spean.Core.Monitoring.Evidence.EvidenceOptions>().DirectoryPath;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!Directory.Exists(folder) || !Directory.EnumerateFiles(folder, "*.upload").Any(f => new FileInfo(f).Length >= 28 + 3 * (64 * 1024 + 16)))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the server never held three pieces of the file");
            await Task.Delay(50);
        }
        signal.Lose();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "The connection failed" })).ToBeVisibleAsync();
        signal.UploadBytesPerSecond = null;
        signal.Restore();
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        await Assertions.Expect(page.Locator("article.evidence-file code.hash")).ToHaveTextAsync(sha256, new() { Timeout = 60_000 });
        Assert.Equal([sha256], await StoredHashesAsync(reportId));
        // What the page sent once the signal was back, up to the answer: the question what arrived and the rest, with
        // headers; from its start, the file again would be some 320 kB.
        Assert.InRange(sentForTheRest, file.Length - 3 * 64 * 1024 - 64 * 1024, file.Length - 3 * 64 * 1024 + 8_000);
    }

    [Fact]
    public async Task A_file_larger_than_the_web_servers_own_limits_uploads_whole_up_to_Speans_limit()
    {
        var (email, password, reportId) = await DraftReportAsync();
        var page = await app.NewPhonePageAsync();
        await new SignInPage(page).SignInAsync(email, password, $"/reports/{reportId}");
        // 40 MB: past the web server's default 30 MB a request, as a minute of phone video is.
        var large = Photo[..^2].Concat(new byte[40_000_000]).Concat(Photo[^2..]).ToArray();
        var largeSha256 = Convert.ToHexStringLower(SHA256.HashData(large));

        // From a file, as a phone picks it: 40 MB given as a buffer cross Playwright's pipe to the browser, which took
        // over its 30 s on a busy machine; a path is opened by the browser itself.
        var file = Path.Combine(Directory.CreateTempSubdirectory("spean-e2e-large-").FullName, "long.jpg");
        await File.WriteAllBytesAsync(file, large);
        await page.GetByLabel("File").SetInputFilesAsync(file);
        await Assertions.Expect(page.Locator("[data-hash] code")).ToHaveTextAsync(largeSha256);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        await Assertions.Expect(page.Locator("article.evidence-file code.hash")).ToHaveTextAsync(largeSha256, new() { Timeout = 60_000 });
        Assert.Equal([largeSha256], await StoredHashesAsync(reportId));
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    [Fact]
    public async Task A_file_altered_on_the_way_is_refused_and_the_Khmer_page_says_why()
    {
        var (email, password, reportId) = await DraftReportAsync();
        var page = await app.NewPhonePageAsync();
        await new SignInPage(page).SignInAsync(email, password, $"/culture/km?returnUrl=%2Freports%2F{reportId}");
        await page.RouteAsync("**/api/v1/reports/*/evidence", async route =>
        {
            var body = route.Request.PostDataBuffer!;
            body[body.AsSpan().IndexOf("Galaxy A12"u8)] ^= 0x01;
            await route.ContinueAsync(new() { PostData = body });
        });

        await page.GetByLabel("ឯកសារ").SetInputFilesAsync(new FilePayload { Name = "clearing.jpg", MimeType = "image/jpeg", Buffer = Photo });
        await Assertions.Expect(page.Locator("[data-hash] code")).ToHaveTextAsync(PhotoSha256);
        await page.GetByRole(AriaRole.Button, new() { Name = "ផ្ទុកឡើង" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "ឯកសារដែលបានមកដល់ មិនមែនជាឯកសារដែលឧបករណ៍របស់អ្នកបានផ្ញើទេ" }))
            .ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "evidence-refused-km.png"), FullPage = true });
        Assert.Empty(await StoredHashesAsync(reportId));
    }

    private async Task<(string Email, string Password, Guid ReportId)> DraftReportAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeanDbContext>();
        var organisation = new Organisation { Name = "Monitors " + Guid.NewGuid().ToString("N")[..6] };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        var (author, password) = await app.CreateUserWithIdAsync(Role.Member, organisation.Id);
        var (saved, refusal) = await scope.ServiceProvider.GetRequiredService<ReportEditor>().CreateAsync(
            new ReportInput(Guid.NewGuid(), "Forest cleared near the village", "An excavator cleared the forest.", "mining",
                new DateOnly(2025, 3, 14), null, "130101"), author.Id, organisation.Id);
        Assert.True(saved is not null, refusal?.Message);
        return (author.Email!, password, saved.Report.Id);
    }

    private async Task<List<string>> StoredHashesAsync(Guid reportId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SpeanDbContext>().EvidenceFiles
            .Where(f => f.ReportId == reportId).Select(f => f.Sha256).ToListAsync();
    }

    /// <summary>A text field of a multipart body.</summary>
    private static string Field(byte[]? body, string name)
    {
        Assert.NotNull(body);
        var text = Encoding.Latin1.GetString(body);
        var start = text.IndexOf($"name={name}", StringComparison.Ordinal);
        if (start < 0) start = text.IndexOf($"name=\"{name}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the request has no field {name}");
        var value = text.IndexOf("\r\n\r\n", start, StringComparison.Ordinal) + 4;
        return text[value..text.IndexOf("\r\n", value, StringComparison.Ordinal)];
    }
}
