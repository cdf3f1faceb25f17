using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;
using Spean.Testing.Monitoring;
using Spean.Core.Monitoring.Evidence.Formats;

namespace Spean.EndToEnd.Tests;

/// <summary>The field-monitoring journey from a phone with no connection to the public map, as the people in it would go.</summary>
[Collection(nameof(BrowserApp))]
public sealed class FieldReportJourneyTests(BrowserApp app)
{
    private const string Witness = "ស្រី សុភា Journey-Witness";
    private const string Title = "ក្រុមហ៊ុនរ៉ែជីកដីក្បែរស្ទឹងស្អាង";
    private const string Narrative = "ម៉ាស៊ីនជីកបានជីកដីក្បែរស្ទឹង ហើយទឹកប្រែជាពណ៌ក្រហម។";

    [Fact]
    public async Task A_monitor_records_a_mining_incident_offline_in_Khmer_and_once_published_the_public_sees_it_on_the_map_without_the_witness_or_the_photos_GPS()
    {
        var organisation = await app.CreateOrganisationAsync("Preah Vihear monitors");
        var (monitorEmail, monitorPassword) = await app.CreateUserAsync(Role.Member, organisation);
        var (coordinatorEmail, coordinatorPassword) = await app.CreateUserAsync(Role.Coordinator, organisation);
        var visitor = await app.NewDesktopPageAsync();
        var shownBefore = await PreahVihearOnTheMapAsync(visitor);

        // A monitor on a phone, in Khmer, with the network switched off.
        var phone = await app.NewPhonePageAsync();
        var capture = new CapturePage(phone);
        await new SignInPage(phone).SignInAsync(monitorEmail, monitorPassword, "/culture/km?returnUrl=%2Fcapture");
        await capture.UnlockInKhmerAsync("ព្រៃឈើនៅជិតភូមិ", first: true);
        await capture.KeptForOfflineUseAsync();
        await phone.Context.SetOfflineAsync(true);
        await phone.ReloadAsync();
        await capture.UnlockInKhmerAsync("ព្រៃឈើនៅជិតភូមិ");
        await capture.ChooseSAngInKhmerAsync(Title);
        await phone.GetByLabel("អ្វីដែលបានកើតឡើង").FillAsync(Narrative);
        await phone.GetByLabel("ប្រភេទ").SelectOptionAsync("mining");
        await phone.GetByLabel("កម្រិតសម្ងាត់").SelectOptionAsync(new SelectOptionValue { Label = "សាធារណៈ" });
        await phone.GetByLabel("តួនាទី").SelectOptionAsync(new SelectOptionValue { Label = "សាក្សី" });
        await phone.GetByLabel("ឈ្មោះ", new() { Exact = true }).FillAsync(Witness);
        await phone.GetByLabel("ជ្រើសរើសរូបថត").SetInputFilesAsync([Photo("pit.jpg", 13.8047, 104.9802), Photo("stream.jpg", 13.8051, 104.9810)]);
        await Assertions.Expect(phone.Locator("#capture-photo-list li")).ToHaveCountAsync(2);
        await phone.GetByRole(AriaRole.Button, new() { Name = "រក្សាទុកលើទូរស័ព្ទនេះ ហើយផ្ញើ" }).ClickAsync();
        var queued = phone.Locator("#capture-queue-items li", new() { HasText = Title });
        await Assertions.Expect(queued).ToContainTextAsync("កំពុងរង់ចាំ");

        var reportPosts = await Posts.RouteAsync(phone, "**/api/v1/reports", loseFirstAnswer: false);
        var submitPosts = await Posts.RouteAsync(phone, "**/api/v1/reports/*/transitions", loseFirstAnswer: false);
        await phone.Context.SetOfflineAsync(false);
        await Assertions.Expect(queued).ToContainTextAsync("បានផ្ញើ");
        await Assertions.Expect(queued).ToContainTextAsync("បានដាក់ស្នើឱ្យពិនិត្យ។");
        Assert.Equal((1, 1), (reportPosts.Count, submitPosts.Count));
        var reportId = await SingleReportAsync(monitorEmail);

        // A coordinator of the organisation finds it among the submitted reports, verifies and publishes it.
        var desk = await app.NewDesktopPageAsync();
        await new SignInPage(desk).SignInAsync(coordinatorEmail, coordinatorPassword, "/reports?status=Submitted");
        await desk.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Assertions.Expect(desk.Locator("article.evidence-file")).ToHaveCountAsync(2);
        await Assertions.Expect(desk.GetByText(Witness)).ToBeVisibleAsync();
        foreach (var step in new[] { "Under review", "Verified", "Published" })
        {
            await desk.GetByLabel("Change status").SelectOptionAsync(new SelectOptionValue { Label = step });
            await desk.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();
            await Assertions.Expect(desk.Locator("dl.facts dd").First).ToHaveTextAsync(step);
        }

        // The public: one more report in Preah Vihear on the map, and the report with its photos stripped.
        Assert.Equal(shownBefore + 1, await PreahVihearOnTheMapAsync(visitor));
        await visitor.GotoAsync($"/reports/{reportId}");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Title);
        await Assertions.Expect(visitor.Locator("main")).Not.ToContainTextAsync("Journey-Witness");
        var photos = visitor.Locator("main img");
        await Assertions.Expect(photos).ToHaveCountAsync(2);
        foreach (var source in await photos.EvaluateAllAsync<string[]>("images => images.map(i => i.getAttribute('src'))"))
        {
            var response = await visitor.APIRequest.GetAsync(source);
            Assert.Equal(200, response.Status);
            var copy = await response.BodyAsync();
            Assert.Equal(CaptureFacts.None, JpegMetadata.Read(copy));
            Assert.False(Contains(copy, "Witness Sokha Chan"), $"{source} still carries the photo's XMP");
        }

        // What the server keeps, read as raw bytes: the database and the evidence store.
        var files = Directory.EnumerateFiles(app.DataDirectory, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith(".db", StringComparison.Ordinal));
        var leaking = files.Where(f => Contains(ReadShared(f), Witness) || Contains(ReadShared(f), "Journey-Witness")).ToList();
        Assert.Empty(leaking);
    }

    private static FilePayload Photo(string name, double latitude, double longitude) => new()
    {
        Name = name, MimeType = "image/jpeg",
        Buffer = SampleFiles.Jpeg(SampleFiles.Exif("samsung", "Galaxy A12", "2026:11:20 09:26:53", "+07:00", latitude, longitude), comment: name),
    };

    /// <summary>The count the public map gives Preah Vihear, in its drawing and in its table, which must agree.</summary>
    private static async Task<int> PreahVihearOnTheMapAsync(IPage visitor)
    {
        await visitor.GotoAsync("/map");
        var drawn = Regex.Match(await visitor.ContentAsync(), "<title>Preah Vihear: ([0-9]+)</title>");
        Assert.True(drawn.Success, "the map does not draw Preah Vihear");
        var row = visitor.GetByRole(AriaRole.Row).Filter(new() { Has = visitor.GetByRole(AriaRole.Link, new() { Name = "Preah Vihear", Exact = true }) });
        var listed = await row.CountAsync() == 0 ? "0" : await row.GetByRole(AriaRole.Cell).Nth(1).TextContentAsync();
        Assert.Equal(drawn.Groups[1].Value, listed);
        return int.Parse(listed!, CultureInfo.InvariantCulture);
    }

    private async Task<Guid> SingleReportAsync(string authorEmail)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeanDbContext>();
        var author = await db.Users.SingleAsync(u => u.Email == authorEmail);
        var report = await db.Reports.SingleAsync(r => r.AuthorId == author.Id);
        Assert.Equal((ReportStatus.Submitted, "130101", Confidentiality.Public), (report.Status, report.AdminUnitCode, report.Confidentiality));
        Assert.Equal(2, await db.EvidenceFiles.CountAsync(f => f.ReportId == report.Id));
        Assert.Equal(1, await db.ReportPeople.CountAsync(p => p.ReportId == report.Id));
        return report.Id;
    }

    private static byte[] ReadShared(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var bytes = new MemoryStream();
        file.CopyTo(bytes);
        return bytes.ToArray();
    }

    private static bool Contains(byte[] bytes, string text) =>
        bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0 || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;
}
