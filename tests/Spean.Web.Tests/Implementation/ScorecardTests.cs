using System.Net;
using System.Text.Json;
using Spean.Core.Accounts;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Implementation;

public abstract class ScorecardTests(ScorecardApp app)
{
    private readonly ScorecardWorld world = app.World;

    private static readonly string[] Columns = ["fullyImplemented", "partiallyImplemented", "notImplemented", "cannotBeAssessed", "notYetAssessed"];

    private static string Counts(JsonElement counts) => string.Join(" ", Columns.Select(p => counts.GetProperty(p).GetInt32()));

    private static Dictionary<string, string> Rows(JsonElement scorecard, string breakdown) => scorecard.GetProperty(breakdown).EnumerateArray()
        .ToDictionary(r => r.GetProperty("key").GetString()!, r => $"{Counts(r.GetProperty("supported"))} | {Counts(r.GetProperty("noted"))}");

    [Fact]
    public async Task A_signed_in_reader_s_scorecard_counts_each_recommendation_once_by_the_assessment_that_counts()
    {
        var client = await app.ClientForAsync(Role.Viewer);

        var scorecard = await client.GetJsonAsync("/api/v1/implementation/scorecards/KHM/4");

        Assert.False(scorecard.GetProperty("publishedOnly").GetBoolean());
        // Supported: R1 fully (the coalition's), R2 not, R4 cannot be assessed (its superseded "fully" does not count); R6 is pending.
        Assert.Equal("1 0 1 1 0", Counts(scorecard.GetProperty("totals").GetProperty("supported")));
        // Noted: R3 not (B's is the latest), R5 not (the coalition's, though A's is newer-looking and published).
        Assert.Equal("0 0 2 0 0", Counts(scorecard.GetProperty("totals").GetProperty("noted")));
        Assert.Equal(3, scorecard.GetProperty("previous").GetProperty("cycle").GetInt32());
        Assert.Equal("1 0 0 0 0", Counts(scorecard.GetProperty("previous").GetProperty("supported")));
    }

    [Fact]
    public async Task The_follow_up_page_in_the_menu_leads_to_each_cycle_s_scorecard_Cambodia_first_in_English_and_Khmer()
    {
        var visitor = app.AnonymousClient();

        var home = await visitor.GetStringAsync("/");
        var page = await visitor.GetStringAsync("/implementation");
        var khmer = await visitor.GetStringAsync("/implementation?culture=km");

        Assert.Contains("href=\"/implementation\"", home);
        Assert.Contains("href=\"/implementation/scorecards/KHM/4\"", page);
        Assert.Contains("href=\"/implementation/scorecards/KHM/3\"", page);
        var rows = page[page.IndexOf("</thead>", StringComparison.Ordinal)..];
        Assert.StartsWith("/implementation/scorecards/KHM/", rows[rows.IndexOf("/implementation/scorecards/", StringComparison.Ordinal)..]);
        Assert.DoesNotContain("/implementation/matrix", page);
        Assert.Contains("តាមដាន UPR", khmer);
        Assert.Contains("វដ្តទី 4", khmer);
        Assert.Contains("/implementation/matrix", await (await app.ClientForAsync(Role.Coordinator)).GetStringAsync("/implementation"));
    }

    [Fact]
    public async Task The_public_scorecard_counts_only_published_assessments_for_visitors_and_on_request()
    {
        var anonymous = await app.AnonymousClient().GetJsonAsync("/api/v1/implementation/scorecards/KHM/4");
        var asked = await (await app.ClientForAsync(Role.Coordinator)).GetJsonAsync("/api/v1/implementation/scorecards/khm/4?public=true");
        var sneaky = await app.AnonymousClient().GetJsonAsync("/api/v1/implementation/scorecards/KHM/4?public=false");

        foreach (var scorecard in new[] { anonymous, asked, sneaky })
        {
            Assert.True(scorecard.GetProperty("publishedOnly").GetBoolean());
            // R2's only assessment is unpublished: not yet assessed. R3 and R5 fall back to A's published ones.
            Assert.Equal("1 0 0 1 1", Counts(scorecard.GetProperty("totals").GetProperty("supported")));
            Assert.Equal("1 1 0 0 0", Counts(scorecard.GetProperty("totals").GetProperty("noted")));
        }
    }

    [Fact]
    public async Task Breakdowns_split_supported_and_noted_by_issue_recommending_State_and_action_category()
    {
        var scorecard = await (await app.ClientForAsync(Role.Viewer)).GetJsonAsync("/api/v1/implementation/scorecards/KHM/4");

        var issues = Rows(scorecard, "byIssue");
        Assert.Equal("1 0 1 0 0 | 0 0 0 0 0", issues[ScorecardWorld.Land]);
        Assert.Equal("0 0 1 0 0 | 0 0 1 0 0", issues[ScorecardWorld.Women]);
        Assert.Equal("0 0 0 0 0 | 0 0 1 0 0", issues[ScorecardWorld.Torture]);
        Assert.Equal("0 0 0 1 0 | 0 0 0 0 0", issues["(none)"]);
        var states = Rows(scorecard, "byRecommendingState");
        Assert.Equal("1 0 0 1 0 | 0 0 1 0 0", states["NOR"]);
        Assert.Equal("0 0 1 0 0 | 0 0 2 0 0", states["FRA"]);
        Assert.Equal("0 0 0 0 0 | 0 0 1 0 0", states[ScorecardWorld.Observer]);
        var categories = Rows(scorecard, "byActionCategory");
        Assert.Equal("1 0 1 0 0 | 0 0 0 0 0", categories["4"]);
        Assert.Equal("0 0 0 0 0 | 0 0 2 0 0", categories["5"]);
        Assert.Equal("0 0 0 1 0 | 0 0 0 0 0", categories["(none)"]);
    }

    [Fact]
    public async Task What_Norway_recommended_is_one_click_from_the_scorecard_and_says_what_became_of_each()
    {
        var client = await app.ClientForAsync(Role.Viewer);

        var page = await client.GetStringAsync("/implementation/scorecards/KHM/4");
        var byNorway = await client.GetStringAsync("/implementation/scorecards/KHM/4/by/NOR");
        var json = await client.GetJsonAsync("/api/v1/implementation/scorecards/KHM/4/by/NOR");

        Assert.Contains("href=\"/implementation/scorecards/KHM/4/by/NOR\"", page);
        Assert.Contains(ScorecardWorld.Text("R1"), byNorway);
        Assert.Contains(ScorecardWorld.Text("R3"), byNorway);
        Assert.DoesNotContain(ScorecardWorld.Text("R2"), byNorway);
        Assert.Contains("Fully implemented", byNorway);
        var statuses = json.GetProperty("recommendations").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetGuid(), r => r.GetProperty("status").GetString());
        Assert.Equal("FullyImplemented", statuses[world.Ids["R1"]]);
        Assert.Equal("NotImplemented", statuses[world.Ids["R3"]]);
        Assert.Equal("CannotBeAssessed", statuses[world.Ids["R4"]]);
        Assert.Equal(3, statuses.Count);
    }

    [Fact]
    public async Task The_scorecard_downloads_as_CSV_and_Excel_with_the_page_s_counts_and_a_formula_guard()
    {
        var client = await app.ClientForAsync(Role.Viewer);

        using var csvResponse = await client.GetAsync("/api/v1/implementation/scorecards/KHM/4/export.csv");
        using var xlsxResponse = await client.GetAsync("/api/v1/implementation/scorecards/KHM/4/export.xlsx");
        var csv = ExportFiles.ReadCsv(await csvResponse.Content.ReadAsByteArrayAsync());
        var xlsx = ExportFiles.ReadXlsx(await xlsxResponse.Content.ReadAsByteArrayAsync());

        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsxResponse.Content.Headers.ContentType?.MediaType);
        foreach (var rows in new[] { csv, xlsx })
        {
            var norwayNoted = rows.Single(r => r["Code"] == "NOR" && r["Position"] == "Noted");
            Assert.Equal(("1", "1"), (norwayNoted["Not implemented"], norwayNoted["Total"]));
            var total = rows.Single(r => r["Breakdown"] == "Total" && r["Position"] == "Supported");
            Assert.Equal(("1", "1", "1", "3"), (total["Fully implemented"], total["Not implemented"], total["Cannot be assessed"], total["Total"]));
            Assert.Contains(rows, r => r["Breakdown"] == "Previous cycle" && r["Code"] == "3");
        }
        Assert.Contains(csv, r => r["Code"] == "'" + ScorecardWorld.Observer);
    }

    [Fact]
    public async Task Charts_are_SVG_labelled_in_the_reader_s_language_with_a_download_link_each()
    {
        var client = await app.ClientForAsync(Role.Viewer);

        var page = await client.GetStringAsync("/implementation/scorecards/KHM/4?culture=km");
        using var english = await client.GetAsync("/api/v1/implementation/scorecards/KHM/4/charts/issues.svg");
        var khmer = await client.GetStringAsync("/api/v1/implementation/scorecards/KHM/4/charts/status.svg?culture=km");
        using var unknown = await client.GetAsync("/api/v1/implementation/scorecards/KHM/4/charts/pie.svg");

        foreach (var chart in new[] { "status", "issues", "recommending", "categories" })
            Assert.Contains($"href=\"/api/v1/implementation/scorecards/KHM/4/charts/{chart}.svg\" download", page);
        Assert.Contains("<svg", page);
        Assert.Contains("តារាងពិន្ទុ៖ កម្ពុជា វដ្តទី 4", page);
        Assert.Equal("image/svg+xml", english.Content.Headers.ContentType?.MediaType);
        Assert.Contains(">Right to land</text>", await english.Content.ReadAsStringAsync());
        Assert.Contains(">បានអនុវត្តពេញលេញ</text>", khmer);
        Assert.Contains("វដ្តទី 3៖ គាំទ្រ", khmer);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("status, issues, recommending or categories", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_State_or_cycle_without_recommendations_is_a_404_that_names_the_cycles_held()
    {
        var client = app.AnonymousClient();

        using var cycle = await client.GetAsync("/api/v1/implementation/scorecards/KHM/2");
        using var code = await client.GetAsync("/api/v1/implementation/scorecards/KH/4");
        using var page = await client.GetAsync("/implementation/scorecards/KHM/2");

        Assert.Equal(HttpStatusCode.NotFound, cycle.StatusCode);
        Assert.Contains("Try one of the cycles Spean holds for KHM: 3, 4", await cycle.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, code.StatusCode);
        Assert.Contains("three-letter ISO code", await code.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("No scorecard here", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_implementation_operations_are_in_the_OpenAPI_document_with_summaries()
    {
        var paths = (await app.AnonymousClient().GetJsonAsync("/openapi/v1.json")).GetProperty("paths");

        foreach (var path in new[]
        {
            "/api/v1/implementation/scorecards/{iso3}/{cycle}", "/api/v1/implementation/scorecards/{iso3}/{cycle}/by/{recommendingIso3}",
            "/api/v1/implementation/scorecards/{iso3}/{cycle}/export.csv", "/api/v1/implementation/scorecards/{iso3}/{cycle}/export.xlsx",
            "/api/v1/implementation/scorecards/{iso3}/{cycle}/charts/{chart}.svg", "/api/v1/implementation/midterm/{iso3}/{cycle}/report.docx",
        })
        {
            Assert.True(paths.TryGetProperty(path, out var operation), path);
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("get").GetProperty("summary").GetString()), path);
        }
    }
}

public sealed class SqliteScorecardTests(SqliteScorecardApp app) : ScorecardTests(app), IClassFixture<SqliteScorecardApp>;

public sealed class PostgresScorecardTests(PostgresScorecardApp app) : ScorecardTests(app), IClassFixture<PostgresScorecardApp>;
