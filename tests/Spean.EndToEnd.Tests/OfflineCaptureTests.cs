using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;
using Spean.Core.Monitoring.People;

namespace Spean.EndToEnd.Tests;

[Collection(nameof(BrowserApp))]
public sealed class OfflineCaptureTests(BrowserApp app)
{
    private const string Passphrase = "the river by the old pagoda";
    private const string Witness = "Sokha Witness-Canary សុខា";
    private const string Narrative = "An excavator dug a pit beside the stream; the water turned red. ទឹកស្ទឹងប្រែជាពណ៌ក្រហម";

    [Fact]
    public async Task Three_reports_queued_offline_reach_the_server_once_each_with_their_photos_although_a_request_is_repeated()
    {
        var (email, password) = await app.CreateUserAsync(Role.Member, await app.CreateOrganisationAsync("Monitors"));
        var page = await app.NewPhonePageAsync();
        var capture = new CapturePage(page);
        await new SignInPage(page).SignInAsync(email, password, "/capture");
        await capture.UnlockAsync(Passphrase, first: true);
        await capture.KeptForOfflineUseAsync();

        await page.Context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Record a report, even offline");
        await Assertions.Expect(capture.Network).ToHaveTextAsync("No connection: reports wait on this phone until it returns.");
        await capture.EnterPassphraseAsync("the river by the new pagoda");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Wrong passphrase" })).ToBeVisibleAsync();
        await capture.UnlockAsync(Passphrase);

        var hashes = new Dictionary<string, string>();
        for (var i = 1; i <= 3; i++)
        {
            var title = $"Mining pit {i}";
            var photo = await capture.JpegAsync($"pit {i}");
            hashes[title] = await capture.QueueAsync(title, Narrative, Witness, photo, submit: i < 3);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(photo)), hashes[title]);
            await Assertions.Expect(capture.Item(title)).ToContainTextAsync("Waiting");
        }
        var queued = await capture.RawStorageAsync(Witness, "Mining pit", "excavator", "JFIF");
        Assert.Equal((3, 3), (queued.Reports, queued.Photos));
        Assert.Empty(queued.Found);

        // The first answers to naming the witness, to the first photo and to the first submission are lost, as
        // when the connection drops: the page sends each again (the photo only if the server does not have it), with
        // the report before them, and the server keeps each once.
        var reportPosts = await Posts.RouteAsync(page, "**/api/v1/reports", loseFirstAnswer: false);
        var personPosts = await Posts.RouteAsync(page, "**/api/v1/reports/*/people", loseFirstAnswer: true);
        var photoPosts = await Posts.RouteAsync(page, "**/api/v1/reports/*/evidence", loseFirstAnswer: true);
        var submitPosts = await Posts.RouteAsync(page, "**/api/v1/reports/*/transitions", loseFirstAnswer: true);
        await page.Context.SetOfflineAsync(false);
        await personPosts.FirstAnswerLost;
        await capture.SendingEndedAsync();
        await Assertions.Expect(capture.Item("Mining pit 1")).ToContainTextAsync("Failed");
        await Assertions.Expect(capture.Item("Mining pit 1")).ToContainTextAsync("The connection dropped; it will be tried again.");
        await Assertions.Expect(capture.Item("Mining pit 2")).ToContainTextAsync("Waiting");

        await capture.SendNow.ClickAsync();
        await capture.SendNow.ClickAsync();
        await photoPosts.FirstAnswerLost;
        await capture.SendingEndedAsync();
        await Assertions.Expect(capture.Item("Mining pit 1")).ToContainTextAsync("Failed");
        await capture.SendNow.ClickAsync();
        await submitPosts.FirstAnswerLost;
        await capture.SendingEndedAsync();
        await Assertions.Expect(capture.Item("Mining pit 1")).ToContainTextAsync("Failed");
        await capture.SendNow.ClickAsync();
        foreach (var title in hashes.Keys)
            await Assertions.Expect(capture.Item(title)).ToContainTextAsync("Sent");
        await Assertions.Expect(capture.Item("Mining pit 1")).ToContainTextAsync("Submitted for review.");
        await Assertions.Expect(capture.Item("Mining pit 3")).ToContainTextAsync("Kept as a draft");
        // The photo whose answer was lost is not sent again: the phone asks what arrived, and the server has kept it.
        Assert.Equal((6, 4, 3, 2), (reportPosts.Count, personPosts.Count, photoPosts.Count, submitPosts.Count));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeanDbContext>();
        var people = scope.ServiceProvider.GetRequiredService<ReportPeople>();
        var author = await db.Users.SingleAsync(u => u.Email == email);
        var reports = await db.Reports.Include(r => r.History).Where(r => r.AuthorId == author.Id).ToListAsync();
        Assert.Equal(queued.ClientIds.Order(), reports.Select(r => r.ClientId).Order());
        foreach (var report in reports)
        {
            Assert.Equal(("mining", "130101"), (report.Category, report.AdminUnitCode));
            var evidence = await db.EvidenceFiles.Where(f => f.ReportId == report.Id).ToListAsync();
            Assert.Equal(hashes[report.Title], Assert.Single(evidence).Sha256);
            var person = Assert.Single(await db.ReportPeople.Where(p => p.ReportId == report.Id).ToListAsync());
            Assert.Equal((PersonRole.Witness, Witness), (person.Role, people.Reveal(person).Name));
            var submitted = report.Title != "Mining pit 3";
            Assert.Equal(submitted ? ReportStatus.Submitted : ReportStatus.Draft, report.Status);
            Assert.Equal(submitted ? [(ReportStatus.Draft, ReportStatus.Submitted)] : [], report.History.Select(h => (h.From, h.To)));
        }
        var sent = await capture.RawStorageAsync(Witness, "Mining pit");
        Assert.Equal((3, 0), (sent.Reports, sent.Photos));
        Assert.Empty(sent.Found);
    }

    [Fact]
    public async Task The_form_speaks_Khmer_queues_a_report_from_a_commune_of_Preah_Vihear_found_by_its_Khmer_name_offline_and_keeps_it_when_signed_out()
    {
        var (email, password) = await app.CreateUserAsync(Role.Member, await app.CreateOrganisationAsync("Monitors"));
        var page = await app.NewPhonePageAsync();
        var capture = new CapturePage(page);
        await new SignInPage(page).SignInAsync(email, password, "/culture/km?returnUrl=%2Fcapture");
        await capture.UnlockInKhmerAsync(Passphrase, first: true);
        await capture.KeptForOfflineUseAsync();

        await page.Context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await capture.UnlockInKhmerAsync(Passphrase);
        await capture.ChooseSAngInKhmerAsync("អណ្តូងរ៉ែក្បែរស្ទឹង");
        await page.GetByLabel("អ្វីដែលបានកើតឡើង").FillAsync(Narrative);
        await page.GetByRole(AriaRole.Button, new() { Name = "រក្សាទុកលើទូរស័ព្ទនេះ ហើយផ្ញើ" }).ClickAsync();
        await Assertions.Expect(page.Locator("#capture-queue-items li", new() { HasText = "អណ្តូងរ៉ែក្បែរស្ទឹង" })).ToContainTextAsync("កំពុងរង់ចាំ");
        await capture.ChooseSAngInKhmerAsync("ទឹកស្ទឹងប្រែពណ៌");

        await Assertions.Expect(page.Locator("#capture-network")).ToHaveTextAsync("គ្មានអ៊ីនធឺណិត៖ របាយការណ៍រង់ចាំនៅលើទូរស័ព្ទនេះ រហូតដល់មានអ៊ីនធឺណិតវិញ។");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the form scrolls sideways on a 360-pixel phone");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "capture-km.png"), FullPage = true });

        await page.Context.ClearCookiesAsync();
        await page.Context.SetOfflineAsync(false);
        var waiting = page.Locator("#capture-queue-items li", new() { HasText = "អណ្តូងរ៉ែក្បែរស្ទឹង" });
        await Assertions.Expect(waiting).ToContainTextAsync("បរាជ័យ");
        await Assertions.Expect(waiting).ToContainTextAsync("សូមចូលម្តងទៀត របាយការណ៍របស់អ្នកនៅតែរក្សាទុកលើទូរស័ព្ទនេះ។");
        await Assertions.Expect(waiting.GetByRole(AriaRole.Link, new() { Name = "ចូល" })).ToHaveAttributeAsync("href", "/account/login?returnUrl=%2Fcapture");
    }

    [Fact]
    public async Task A_report_the_server_refuses_stays_on_the_phone_with_the_reason_in_Khmer()
    {
        var (email, password) = await app.CreateUserAsync(Role.Member); // no organisation yet: reports cannot be filed
        var page = await app.NewPhonePageAsync();
        var capture = new CapturePage(page);
        await new SignInPage(page).SignInAsync(email, password, "/culture/km?returnUrl=%2Fcapture");
        await capture.UnlockInKhmerAsync(Passphrase, first: true);
        await capture.ChooseSAngInKhmerAsync("របាយការណ៍ដែលមិនទាន់អាចផ្ញើបាន");
        await page.GetByLabel("អ្វីដែលបានកើតឡើង").FillAsync(Narrative);
        await page.GetByRole(AriaRole.Button, new() { Name = "រក្សាទុកលើទូរស័ព្ទនេះ ហើយផ្ញើ" }).ClickAsync();

        var refused = page.Locator("#capture-queue-items li", new() { HasText = "របាយការណ៍ដែលមិនទាន់អាចផ្ញើបាន" });
        await Assertions.Expect(refused).ToContainTextAsync("បរាជ័យ");
        await Assertions.Expect(refused).ToContainTextAsync("គណនីរបស់អ្នកមិនស្ថិតក្នុងអង្គការណាមួយទេ។");
        Assert.Equal((1, 0), ((await capture.RawStorageAsync()).Reports, await ReportsOfAsync(email)));
    }

    [Fact]
    public async Task A_restricted_report_from_the_phone_arrives_as_a_draft_so_its_author_can_name_its_readers()
    {
        var (email, password) = await app.CreateUserAsync(Role.Member, await app.CreateOrganisationAsync("Monitors"));
        var page = await app.NewPhonePageAsync();
        var capture = new CapturePage(page);
        await new SignInPage(page).SignInAsync(email, password, "/capture");
        await capture.UnlockAsync(Passphrase, first: true);

        await page.GetByLabel("Confidentiality").SelectOptionAsync("Restricted");
        await Assertions.Expect(page.GetByText("A Restricted report stays a draft when it is sent")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Send it for review as soon as it arrives")).ToBeDisabledAsync();
        await capture.QueueAsync("Source at the pit", Narrative, Witness, await capture.JpegAsync("pit"), submit: false, confidentiality: "Restricted");
        await capture.SendingEndedAsync();
        await Assertions.Expect(capture.Item("Source at the pit")).ToContainTextAsync("Sent");

        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<SpeanDbContext>().Reports.SingleAsync(r => r.Title == "Source at the pit");
        Assert.Equal((ReportStatus.Draft, Confidentiality.Restricted), (report.Status, report.Confidentiality));
        await page.GotoAsync($"{app.BaseUrl}/reports/{report.Id}");
        await Assertions.Expect(page.GetByText("No coordinator of your organisation is among the readers")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Correct this draft" })).ToBeVisibleAsync();
    }

    private async Task<int> ReportsOfAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeanDbContext>();
        var author = await db.Users.SingleAsync(u => u.Email == email);
        return await db.Reports.CountAsync(r => r.AuthorId == author.Id);
    }
}

/// <summary>Counts the POSTs to a URL; optionally the first reaches the server but its answer is lost.</summary>
internal sealed class Posts
{
    private readonly TaskCompletionSource firstAnswerLost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int count;

    public int Count => count;

    public Task FirstAnswerLost => firstAnswerLost.Task;

    public static async Task<Posts> RouteAsync(IPage page, string url, bool loseFirstAnswer)
    {
        var posts = new Posts();
        await page.RouteAsync(url, async route =>
        {
            if (route.Request.Method != "POST" || Interlocked.Increment(ref posts.count) > 1 || !loseFirstAnswer)
            {
                await route.ContinueAsync();
                return;
            }
            await using var arrived = await route.FetchAsync();
            await route.AbortAsync("connectionreset");
            posts.firstAnswerLost.SetResult();
        });
        return posts;
    }
}
