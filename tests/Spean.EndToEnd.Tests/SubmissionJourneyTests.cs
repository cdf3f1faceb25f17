using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;
using Spean.Core.Recommendations;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Spean.EndToEnd.Tests;

/// <summary>
/// A joint submission from start to Word file: created for Cambodia's next review, a second organisation signs on, a cluster
/// lead drafts a paragraph citing a field report and a recommendation, fixes it, the count passes, the document reads back
/// in order, and a draft recommendation fails the SMART check as it is typed until it names a time frame, a body and what to do.
/// </summary>
[Collection(nameof(BrowserApp))]
public sealed class SubmissionJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Two_organisations_draft_a_joint_submission_and_download_a_Word_file_that_reads_back_in_order()
    {
        await app.ModelsTrained;
        var lead = await app.CreateOrganisationAsync("Lead coalition " + Guid.NewGuid().ToString("N")[..6]);
        var partner = await app.CreateOrganisationAsync("Partner network " + Guid.NewGuid().ToString("N")[..6]);
        var (coordinator, password) = await app.CreateUserWithIdAsync(Role.Coordinator, lead);
        var (partnerCoordinator, partnerPassword) = await app.CreateUserWithIdAsync(Role.Coordinator, partner);
        var evidence = "Eviction in Preah Vihear " + Guid.NewGuid().ToString("N")[..6];
        await SeedAsync(evidence, lead, coordinator.Id);

        var page = await app.NewDesktopPageAsync();
        await new SignInPage(page).SignInAsync(coordinator.Email!, password, "/submissions");
        await page.GetByLabel("Title").FillAsync("Joint submission for Cambodia's fifth review");
        await page.GetByLabel("State under Review").SelectOptionAsync("KHM");
        await page.GetByLabel("Cycle", new() { Exact = true }).FillAsync("5");
        await page.GetByLabel("Working Group session").FillAsync("60");
        await page.GetByLabel("Review date").FillAsync("2029-01-20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the submission" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Joint submission for Cambodia's fifth review");
        var submissionUrl = page.Url;
        await page.GetByLabel("Invite an organisation").SelectOptionAsync(partner.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("The organisation is invited.")).ToBeVisibleAsync();

        var partnerPage = await app.NewDesktopPageAsync();
        await new SignInPage(partnerPage).SignInAsync(partnerCoordinator.Email!, partnerPassword, new Uri(submissionUrl).PathAndQuery);
        await partnerPage.GetByLabel("Short description of your organisation (English)").FillAsync("A network of land rights activists.");
        await partnerPage.GetByRole(AriaRole.Button, new() { Name = "Sign on for my organisation" }).ClickAsync();
        await Assertions.Expect(partnerPage.GetByText("Your organisation signed on.")).ToBeVisibleAsync();

        await page.GotoAsync(submissionUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Land and natural resources" }).ClickAsync();
        var sectionUrl = page.Url;
        await page.GetByLabel("Find recommendations to follow up").FillAsync("indigenous");
        await page.GetByLabel("Find field reports to cite").FillAsync(evidence);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find", Exact = true }).ClickAsync();
        await page.GetByLabel(evidence).CheckAsync();
        await page.GetByLabel("Protect the land rights of indigenous communities").CheckAsync();
        await page.GetByLabel("Text in English").FillAsync("Evictions continue.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await page.GetByLabel("Text in English").FillAsync("Forced evictions of indigenous communities continued in Preah Vihear in 2025.");
        await Assertions.Expect(page.Locator("#en-count")).ToContainTextAsync("11 words in this paragraph");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved.")).ToBeVisibleAsync();

        await page.GotoAsync(sectionUrl);
        var smart = page.Locator("section[data-for='draft-en']");
        await page.GetByLabel("Text in English").FillAsync("Continue efforts to improve the situation of indigenous peoples.");
        await Assertions.Expect(smart.Locator("li.smart-fail").First).ToBeVisibleAsync();
        await page.GetByLabel("Text in English").FillAsync(
            "Adopt, by 2027, a law by which the Ministry of Land Management registers the collective land titles of all indigenous communities.");
        await Assertions.Expect(smart.Locator("li.smart-fail")).ToHaveCountAsync(0);
        await Assertions.Expect(smart.Locator("li.smart-pass").First).ToBeVisibleAsync();

        await page.GotoAsync(submissionUrl);
        await Assertions.Expect(page.GetByText("Within the limit.")).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Word document (English, for OHCHR)" }).ClickAsync());

        using var document = WordprocessingDocument.Open(await download.PathAsync(), false);
        var lines = document.MainDocumentPart!.Document!.Body!.Elements<W.Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList();
        Assert.Equal("Joint submission for Cambodia's fifth review", lines[0]);
        Assert.Equal("Submitting organisations", lines[2]);
        Assert.StartsWith("Lead coalition", lines[3]);
        Assert.Contains("A network of land rights activists.", lines[4]);
        Assert.Equal(["5. Land and natural resources", "1. Forced evictions of indigenous communities continued in Preah Vihear in 2025."], lines.Skip(5));
        var footnote = document.MainDocumentPart.FootnotesPart!.Footnotes!.Elements<W.Footnote>().Single(f => f.Id! > 0).InnerText;
        Assert.StartsWith(" Field report, June 2025", footnote);
        Assert.DoesNotContain(evidence, footnote, StringComparison.Ordinal);
    }

    private async Task SeedAsync(string title, Guid organisation, Guid author)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeanDbContext>();
        db.Reports.Add(new Report
        {
            ClientId = Guid.CreateVersion7(), Title = title, Narrative = "Families were moved off their land.", Category = "land",
            OccurredFrom = new DateOnly(2025, 6, 1), ReportedAt = DateTime.UtcNow, AdminUnitCode = "13",
            OrganisationId = organisation, AuthorId = author, Status = ReportStatus.Submitted, Confidentiality = Confidentiality.Network,
        });
        db.Recommendations.Add(new Recommendation
        {
            ImportKey = Guid.NewGuid().ToString("N"), Text = "Protect the land rights of indigenous communities", StateUnderReviewIso3 = "KHM",
            Session = 46, Cycle = 4, Response = RecommendationResponse.Supported, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}
