using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;

namespace Spean.EndToEnd.Tests;

[Collection(nameof(BrowserApp))]
public sealed partial class RecommendationSearchTests(BrowserApp app)
{
    [Fact]
    public async Task A_new_user_searches_narrows_by_two_filters_watches_the_counts_change_and_downloads_the_results()
    {
        var page = await app.NewDesktopPageAsync();
        await page.GotoAsync("/recommendations");

        await page.GetByLabel("Search recommendations").FillAsync("torture NOT prison");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var everywhere = await CountAsync(page);

        var cambodia = page.Locator("#facet-sur a", new() { HasText = "Cambodia" });
        if (!await cambodia.IsVisibleAsync()) await page.Locator("#facet-sur .more summary").ClickAsync();
        var cambodiaCount = await NumberAsync(cambodia.Locator(".n"));
        await cambodia.ClickAsync();
        Assert.Equal(cambodiaCount, await CountAsync(page));

        var noted = page.Locator("#facet-response a", new() { HasText = "Noted" });
        var notedCount = await NumberAsync(noted.Locator(".n"));
        await noted.ClickAsync();
        var narrowed = await CountAsync(page);

        Assert.True(everywhere > cambodiaCount && cambodiaCount > narrowed && narrowed > 0, $"{everywhere} > {cambodiaCount} > {narrowed}");
        Assert.Equal(notedCount, narrowed);
        Assert.Contains("sur=KHM", page.Url);
        Assert.Contains("response=Noted", page.Url);
        await Assertions.Expect(page.Locator("#facet-sur a.selected")).ToContainTextAsync(narrowed.ToString(CultureInfo.InvariantCulture));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "recommendations-search.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download Excel" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        using (var workbook = SpreadsheetDocument.Open(file, false))
        {
            var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
            Assert.Equal(narrowed + 1, rows.Count);
            Assert.All(rows.Skip(1), r => Assert.DoesNotContain("prison", r.InnerText, StringComparison.OrdinalIgnoreCase));
        }
        File.Delete(file);
    }

    [Fact]
    public async Task The_statistics_view_shows_responses_by_regional_group_and_downloads_as_CSV()
    {
        var page = await app.NewDesktopPageAsync();
        await page.GotoAsync("/recommendations?sur=KHM&session=18");

        await page.GetByRole(AriaRole.Link, new() { Name = "Statistics" }).ClickAsync();
        await page.GetByLabel("Rows").SelectOptionAsync(new SelectOptionValue { Label = "Regional group (recommending State)" });
        await page.GetByLabel("Columns").SelectOptionAsync(new SelectOptionValue { Label = "Response" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("205 recommendations");
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Asia-Pacific Group" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("figure.chart svg")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "recommendations-statistics.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download table (CSV)" }).ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("Regional group (recommending State) \\ Response", csv.TrimStart('\uFEFF'));
        Assert.Contains("\nAsia-Pacific Group (AsiaPacific),", csv);
    }

    [Fact]
    public async Task A_pasted_draft_gets_its_predicted_category_with_the_reason_and_the_earlier_recommendations_it_repeats()
    {
        await app.ModelsTrained;
        var page = await app.NewDesktopPageAsync();
        await page.GotoAsync("/recommendations");

        await page.GetByRole(AriaRole.Link, new() { Name = "Predict an action category" }).ClickAsync();
        await page.GetByLabel("Recommendation text").FillAsync("Establish without delay an independent national preventive mechanism against torture");
        await page.GetByLabel("State under Review (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Cambodia" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Predict" }).ClickAsync();

        await Assertions.Expect(page.Locator(".predicted-category")).ToHaveTextAsync("5 · Specific action");
        await Assertions.Expect(page.Locator(".decisive-words li").First).ToBeVisibleAsync();
        var earlier = page.Locator("table.recommended-before tbody tr");
        await Assertions.Expect(earlier.First).ToContainTextAsync("national preventive mechanism");
        await Assertions.Expect(page.Locator("table.recommended-before")).ToContainTextAsync("Session 6 (cycle 1)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "recommendations-predict.png"), FullPage = true });

        await earlier.First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("blockquote.recommendation")).ToContainTextAsync("national preventive mechanism");
        Assert.Matches("/recommendations/[0-9a-f-]{36}$", page.Url);
    }

    private static async Task<int> CountAsync(IPage page) =>
        int.Parse(Digits().Match(await page.Locator("#result-count").InnerTextAsync()).Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private static async Task<int> NumberAsync(ILocator locator) =>
        int.Parse((await locator.InnerTextAsync()).Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [GeneratedRegex("[0-9][0-9,]*")]
    private static partial Regex Digits();
}
