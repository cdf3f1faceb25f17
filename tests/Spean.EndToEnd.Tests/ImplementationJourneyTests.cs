using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;
using Spean.Testing.Implementation.Matrix;

namespace Spean.EndToEnd.Tests;

/// <summary>The UPR follow-up as a coordinator goes through it: a new cycle in, three assessments with field evidence, the scorecard, the mid-term report.</summary>
[Collection(nameof(BrowserApp))]
public sealed class ImplementationJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_coordinator_imports_a_matrix_assesses_three_recommendations_with_a_field_report_and_downloads_the_mid_term_report()
    {
        await app.ModelsTrained;
        var organisation = await app.CreateOrganisationAsync("Follow-up coalition");
        var (coordinator, password) = await app.CreateUserWithIdAsync(Role.Coordinator, organisation);
        var evidence = "Field visit " + Guid.NewGuid().ToString("N")[..8];
        await SubmittedReportAsync(evidence, organisation, coordinator.Id);
        var narrative = "Journey narrative " + Guid.NewGuid().ToString("N")[..8];
        var page = await app.NewDesktopPageAsync();
        await new SignInPage(page).SignInAsync(coordinator.Email!, password, "/implementation");

        await page.GetByRole(AriaRole.Link, new() { Name = "Import an OHCHR matrix" }).ClickAsync();
        await page.GetByLabel("Matrix (.docx)").SetInputFilesAsync(SampleMatrices.Cycle4);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".matrix-report")).ToContainTextAsync("254", new() { Timeout = 60_000 });

        await page.GotoAsync("/recommendations?sur=SVN&cycle=4&response=Supported");
        var ticks = page.GetByLabel("Select for assessment");
        await Assertions.Expect(ticks.First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        for (var i = 0; i < 3; i++) await ticks.Nth(i).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Assess the selected" }).ClickAsync();
        await page.GetByLabel("Find reports you may see").FillAsync(evidence);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find", Exact = true }).ClickAsync();
        await page.GetByLabel(evidence).CheckAsync();
        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Partially implemented" });
        await page.GetByLabel("Narrative (English)").FillAsync(narrative);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the assessment" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Recorded 3 assessment(s).")).ToBeVisibleAsync();

        await page.GotoAsync("/implementation/scorecards/SVN/4");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Scorecard: Slovenia, cycle 4");
        using (var scorecard = JsonDocument.Parse(await (await page.APIRequest.GetAsync("/api/v1/implementation/scorecards/SVN/4")).TextAsync()))
            Assert.Equal(3, scorecard.RootElement.GetProperty("totals").GetProperty("supported").GetProperty("partiallyImplemented").GetInt32());
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Word, in English" }).ClickAsync());

        var rows = AssessedRows(await download.PathAsync(), narrative);
        Assert.Equal(3, rows.Count);
        var themes = await OhchrThemesOfSloveniaAsync();
        Assert.All(rows, row =>
        {
            Assert.Contains("Partially implemented", row);
            Assert.Contains(themes, theme => row.Contains(theme, StringComparison.Ordinal));
        });
    }

    private async Task SubmittedReportAsync(string title, Guid organisation, Guid author)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeanDbContext>();
        db.Reports.Add(new Report
        {
            ClientId = Guid.CreateVersion7(), Title = title, Narrative = "Families were moved off their land.", Category = "land",
            OccurredFrom = new DateOnly(2025, 6, 1), ReportedAt = DateTime.UtcNow, AdminUnitCode = "12",
            OrganisationId = organisation, AuthorId = author, Status = ReportStatus.Submitted, Confidentiality = Confidentiality.Network,
        });
        await db.SaveChangesAsync();
    }

    private async Task<List<string>> OhchrThemesOfSloveniaAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SpeanDbContext>().Recommendations
            .Where(r => r.StateUnderReviewIso3 == "SVN" && r.Cycle == 4)
            .SelectMany(r => r.OhchrThemes.Select(t => t.Theme)).Distinct().ToListAsync();
    }

    /// <summary>The text of each table row of the Word report whose assessment column holds the narrative.</summary>
    private static List<string> AssessedRows(string path, string narrative)
    {
        using var document = WordprocessingDocument.Open(path, isEditable: false);
        return [.. document.MainDocumentPart!.Document.Descendants<TableRow>()
            .Select(row => string.Join(" | ", row.Elements<TableCell>().Select(cell => cell.InnerText)))
            .Where(text => text.Contains(narrative, StringComparison.Ordinal))];
    }
}
