using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Core.Recommendations;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Recommendations;

[Collection(nameof(RecommendationsApp))]
public sealed class RecommendationExportTests(RecommendationsApp app)
{
    private const string CambodiaNoted = "sur=KHM&response=Noted";

    [Fact]
    public async Task The_CSV_export_holds_every_matching_recommendation_with_its_fields()
    {
        var client = app.AnonymousClient();
        var expected = await AllIdsAsync(client, CambodiaNoted);

        using var response = await client.GetAsync($"/api/v1/recommendations/export.csv?{CambodiaNoted}");
        var rows = ExportFiles.ReadCsv(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected.Order(), rows.Select(r => r["Id"]).Order());
        Assert.All(rows, r => Assert.Equal(("KHM", "Noted"), (r["State under Review"], r["Response"])));
        Assert.Contains(rows, r => r["Session"] == "18" && r["Recommending States"].Length > 0 && r["Issues"].Length > 0);
    }

    [Fact]
    public async Task Both_exports_name_the_State_under_Review_and_both_sides_groups_and_organisations_and_the_issues_in_Khmer()
    {
        const string Cambodia18 = "sur=KHM&session=18";
        var client = app.AnonymousClient();

        using var csvResponse = await client.GetAsync($"/api/v1/recommendations/export.csv?{Cambodia18}");
        using var xlsxResponse = await client.GetAsync($"/api/v1/recommendations/export.xlsx?{Cambodia18}");
        var csvBytes = await csvResponse.Content.ReadAsByteArrayAsync();
        var csv = ExportFiles.ReadCsv(csvBytes);
        var xlsx = ExportFiles.ReadXlsx(await xlsxResponse.Content.ReadAsByteArrayAsync());

        // The columns a re-import's --map or a spreadsheet formula may name keep their names and order; new ones sit beside related ones.
        string[] before = ["Id", "Text", "Text (Khmer)", "Notes", "State under Review", "Recommending States", "Recommending States (ISO3)",
            "Session", "Cycle", "Review date", "Response", "Action category", "Action category origin", "Issues", "SDG targets",
            "Source document", "Paragraph"];
        var header = ExportFiles.ReadCsvHeader(csvBytes);
        Assert.Equal(before, header.Where(before.Contains));
        Assert.Equal(["State under Review (name)", "State under Review regional group", "State under Review organisations"], header[5..8]);
        Assert.Equal(["Recommending regional groups", "Recommending organisations"], header[10..12]);
        Assert.Equal("Issues (Khmer)", header[header.IndexOf("Issues") + 1]);

        Assert.Equal(205, csv.Count);
        Assert.Equal(csv, xlsx);
        Assert.All(csv, r => Assert.Equal(("KHM", "Cambodia", "Asia-Pacific Group", "ASEAN; OIF"),
            (r["State under Review"], r["State under Review (name)"], r["State under Review regional group"], r["State under Review organisations"])));
        var france = csv.First(r => r["Recommending States (ISO3)"] == "FRA");
        Assert.Equal(("Western European and Others Group (WEOG)", "EU; OIF"), (france["Recommending regional groups"], france["Recommending organisations"]));
        var torture = csv.First(r => r["Issues"].Split("; ").Contains("Torture and other CID treatment"));
        Assert.Equal(torture["Issues"].Split("; ").Length, torture["Issues (Khmer)"].Split("; ").Length);
        Assert.Contains("ទារុណកម្ម និងការប្រព្រឹត្តឃោរឃៅ អមនុស្សធម៌ ឬបន្ថោកផ្សេងទៀត", torture["Issues (Khmer)"].Split("; "));
    }

    [Fact]
    public async Task The_whole_database_exports_as_a_workbook_with_one_row_per_recommendation()
    {
        var client = app.AnonymousClient();
        // 35,000 rows take 30-45 s here alone; beside the browser suite in test.sh one took longer than HttpClient's 100 s.
        client.Timeout = TimeSpan.FromMinutes(5);
        var total = (await client.GetJsonAsync("/api/v1/recommendations?pageSize=1")).GetProperty("total").GetInt32();

        using var response = await client.GetAsync("/api/v1/recommendations/export.xlsx");
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();

        Assert.True(total > 35_000);
        Assert.Equal(total + 1, rows.Count);
        Assert.Equal("Text", rows[0].Elements<Cell>().ElementAt(1).InnerText);
    }

    [Fact]
    public async Task Khmer_text_is_found_by_a_Khmer_query_and_comes_out_of_both_exports_intact()
    {
        var khmer = "លើកកម្ពស់សិទ្ធិស្ត្រី និងការពារអ្នកការពារសិទ្ធិមនុស្ស";
        var id = await AddAsync($"Promote women's rights {Guid.NewGuid():N}", khmer);

        var found = await app.AnonymousClient().GetJsonAsync($"/api/v1/recommendations?q={Uri.EscapeDataString("សិទ្ធិស្ត្រី")}&session=40");
        using var csv = await app.AnonymousClient().GetAsync("/api/v1/recommendations/export.csv?session=40");
        using var xlsx = await app.AnonymousClient().GetAsync("/api/v1/recommendations/export.xlsx?session=40");
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);

        Assert.Contains(found.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
        Assert.Equal(khmer, ExportFiles.ReadCsv(await csv.Content.ReadAsByteArrayAsync()).Single(r => r["Id"] == id.ToString())["Text (Khmer)"]);
        Assert.Contains(workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>(), c => c.InnerText == khmer);
    }

    [Fact]
    public async Task A_recommendation_added_outside_the_app_appears_in_search_within_seconds()
    {
        var word = $"zq{Guid.NewGuid():N}"[..12];
        await AddAsync($"Guarantee the right {word}", null, tellTheIndex: false);

        var total = 0;
        for (var attempt = 0; attempt < 40 && total == 0; attempt++)
        {
            await Task.Delay(250);
            total = (await app.AnonymousClient().GetJsonAsync($"/api/v1/recommendations?q={word}")).GetProperty("total").GetInt32();
        }
        Assert.Equal(1, total);
    }

    private async Task<Guid> AddAsync(string text, string? khmer, bool tellTheIndex = true) =>
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            var recommendation = new Recommendation
            {
                ImportKey = Guid.NewGuid().ToString("N"), Text = text, TextKm = khmer, StateUnderReviewIso3 = "KHM",
                Session = 40, Cycle = 4, Response = RecommendationResponse.Pending, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            db.Recommendations.Add(recommendation);
            await db.SaveChangesAsync();
            if (tellTheIndex) await services.GetRequiredService<RecommendationSearch>().RecordChangeAsync(db, recommendation.Id);
            return recommendation.Id;
        });

    private static async Task<List<string>> AllIdsAsync(HttpClient client, string filters)
    {
        var ids = new List<string>();
        for (var page = 1; ; page++)
        {
            var result = await client.GetJsonAsync($"/api/v1/recommendations?{filters}&pageSize=100&page={page}");
            ids.AddRange(result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            if (page >= result.GetProperty("pageCount").GetInt32()) return ids;
        }
    }
}
