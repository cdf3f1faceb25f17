using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Core.Recommendations;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Recommendations;

[Collection(nameof(RecommendationsApp))]
public sealed class RecurrenceTests(RecommendationsApp app)
{
    private const string DenmarkSession18 = "Establish an independent national preventive mechanism with the necessary mandate";
    private const string DenmarkSession6 = "Build on progress towards the establishment of an independent national preventive mechanism";

    [Fact]
    public async Task A_session_18_recommendation_shows_the_session_6_one_it_repeats_with_the_response_then()
    {
        var later = await FindAsync(18, DenmarkSession18);
        var earlier = await FindAsync(6, DenmarkSession6);

        var detail = await app.AnonymousClient().GetJsonAsync($"/api/v1/recommendations/{later}");
        var html = await app.AnonymousClient().GetStringAsync($"/recommendations/{later}");

        Assert.Equal("Noted", detail.GetProperty("response").GetString());
        var before = detail.GetProperty("recommendedBefore").EnumerateArray().First().GetProperty("recommendation");
        Assert.Equal(earlier, before.GetProperty("id").GetGuid());
        Assert.Equal((6, 1, "Supported"), (before.GetProperty("session").GetInt32(), before.GetProperty("cycle").GetInt32(),
            before.GetProperty("response").GetString()));
        Assert.Equal(["Denmark"], before.GetProperty("recommendingStates").EnumerateArray().Select(s => s.GetString()));
        var section = html[html.IndexOf("id=\"before\"", StringComparison.Ordinal)..];
        var row = section[section.IndexOf($"href=\"/recommendations/{earlier}\"", StringComparison.Ordinal)..];
        Assert.Contains(DenmarkSession6, row);
        Assert.Contains("<td>Supported</td>", row[..row.IndexOf("</tr>", StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task The_detail_page_shows_both_sides_regional_groups_and_organisations_and_the_category_origin()
    {
        var id = await FindAsync(18, DenmarkSession18);

        var detail = await app.AnonymousClient().GetJsonAsync($"/api/v1/recommendations/{id}");
        var html = await app.AnonymousClient().GetStringAsync($"/recommendations/{id}");

        var sur = detail.GetProperty("stateUnderReview");
        Assert.Equal(("KHM", "AsiaPacific"), (sur.GetProperty("iso3").GetString(), sur.GetProperty("regionalGroup").GetString()));
        Assert.Contains("ASEAN", sur.GetProperty("organisations").EnumerateArray().Select(o => o.GetString()));
        var denmark = detail.GetProperty("recommendingStates").EnumerateArray().Single();
        Assert.Equal("WesternEuropeanAndOthers", denmark.GetProperty("regionalGroup").GetString());
        Assert.Contains("EU", denmark.GetProperty("organisations").EnumerateArray().Select(o => o.GetString()));
        Assert.Contains("Asia-Pacific", html);
        Assert.Contains(">ASEAN</abbr>", html);
        Assert.Contains(">EU</abbr>", html);
        Assert.Contains("(official, from UPR Info)", html);
        Assert.Contains("Torture and other CID treatment", html);
        Assert.Contains("href=\"/recommendations/states/KHM\"", html);
    }

    [Fact]
    public async Task A_first_cycle_recommendation_has_nothing_recommended_before()
    {
        var id = await FindAsync(6, DenmarkSession6);

        var detail = await app.AnonymousClient().GetJsonAsync($"/api/v1/recommendations/{id}");
        var html = await app.AnonymousClient().GetStringAsync($"/recommendations/{id}");

        Assert.Empty(detail.GetProperty("recommendedBefore").EnumerateArray());
        Assert.Contains("Spean found no similar recommendation made to Cambodia in an earlier cycle.", html);
    }

    [Fact]
    public async Task Cambodia_report_lists_international_instruments_in_both_cycles_with_the_counts_of_the_data()
    {
        var report = await app.AnonymousClient().GetJsonAsync("/api/v1/recommendations/states/khm/recurrence");
        var html = await app.AnonymousClient().GetStringAsync("/recommendations/states/KHM");

        var theme = report.GetProperty("themes").EnumerateArray().Single(t => t.GetProperty("issue").GetString() == "International instruments");
        var cycles = theme.GetProperty("cycles").EnumerateArray().ToDictionary(c => c.GetProperty("cycle").GetInt32());
        // Counted in upr_recommendations_cambodia_cycles_1-2.csv: 8 rows in cycle 1, all accepted; 32 in cycle 2, 14 accepted.
        Assert.Equal((8, 8, 100.0), (cycles[1].GetProperty("count").GetInt32(), cycles[1].GetProperty("supported").GetInt32(),
            cycles[1].GetProperty("supportedPercent").GetDouble()));
        Assert.Equal((32, 14, 43.8), (cycles[2].GetProperty("count").GetInt32(), cycles[2].GetProperty("supported").GetInt32(),
            cycles[2].GetProperty("supportedPercent").GetDouble()));
        var summary = report.GetProperty("cycles").EnumerateArray().ToDictionary(c => c.GetProperty("cycle").GetInt32());
        Assert.Equal((138, 205), (summary[1].GetProperty("recommendations").GetInt32(), summary[2].GetProperty("recommendations").GetInt32()));
        Assert.Contains("<th scope=\"row\">International instruments</th>", html);
        Assert.Contains("Cambodia: recommendations across cycles", html);
    }

    [Fact]
    public async Task Cambodia_report_shows_Denmark_and_Japan_repeating_their_own_first_cycle_recommendations()
    {
        var report = await app.AnonymousClient().GetJsonAsync("/api/v1/recommendations/states/KHM/recurrence");

        var recommenders = report.GetProperty("recommenders").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        var denmark = recommenders["Denmark"].GetProperty("repeats").EnumerateArray()
            .Single(p => p.GetProperty("later").GetProperty("text").GetString()!.StartsWith(DenmarkSession18, StringComparison.Ordinal));
        Assert.StartsWith(DenmarkSession6, denmark.GetProperty("earlier").GetProperty("text").GetString());
        Assert.Equal(("Supported", "Noted"), (denmark.GetProperty("earlier").GetProperty("response").GetString(),
            denmark.GetProperty("later").GetProperty("response").GetString()));
        Assert.Contains(recommenders["Japan"].GetProperty("repeats").EnumerateArray(),
            p => p.GetProperty("earlier").GetProperty("text").GetString()!.Contains("Khmer Rouge tribunal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_recommendation_added_later_is_found_as_a_repeat_and_leaves_the_report_when_deleted()
    {
        var text = $"Make further efforts for the smooth court proceedings and early completion of the Khmer Rouge tribunal ({Guid.NewGuid():N})";
        var before = await JapanRepeatsAsync();

        var report = await app.WithScopeAsync(s => s.GetRequiredService<RecommendationImporter>().ImportAsync(new UprInfoFile(
            [new UprInfoRow(2, "Cambodia", text, "Japan", "Supported", 5, ["Justice"], 19, 2, "Asia", "Asia", [], [])], [])));
        var added = await FindAsync(19, text);
        var withAdded = await JapanRepeatsAsync();
        var detail = await app.AnonymousClient().GetJsonAsync($"/api/v1/recommendations/{added}");
        await app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().Recommendations.Where(r => r.Id == added).ExecuteDeleteAsync());
        var afterDelete = await JapanRepeatsAsync();

        Assert.Equal(1, report.Created);
        Assert.Contains(detail.GetProperty("recommendedBefore").EnumerateArray(),
            b => b.GetProperty("recommendation").GetProperty("text").GetString()!.StartsWith("Regarding the Khmer Rouge tribunal", StringComparison.Ordinal));
        Assert.Equal(before + 1, withAdded);
        Assert.Equal(before, afterDelete);
    }

    [Fact]
    public async Task Cambodia_pledges_from_both_reviews_are_listed_by_the_API_and_the_report()
    {
        var pledges = (await app.AnonymousClient().GetJsonAsync("/api/v1/recommendations/states/KHM/pledges")).EnumerateArray().ToList();
        var html = await app.AnonymousClient().GetStringAsync("/recommendations/states/KHM");

        Assert.Equal(7, pledges.Count);
        Assert.Equal([6, 6, 18, 18, 18, 18, 18], pledges.Select(p => p.GetProperty("session").GetInt32()));
        var nhri = pledges.Single(p => p.GetProperty("issues").EnumerateArray().Any(i => i.GetString() == "NHRI"));
        Assert.Equal("The delegation stated that Cambodia was committed to establishing an independent human rights institution.",
            nhri.GetProperty("text").GetString());
        Assert.Contains("The delegation stated that Cambodia was committed to establishing an independent human rights institution.", html);
    }

    [Fact]
    public async Task A_State_without_pledges_has_an_empty_list_and_an_unknown_State_is_a_404_problem()
    {
        var none = await app.AnonymousClient().GetJsonAsync("/api/v1/recommendations/states/AFG/pledges");
        using var pledges = await app.AnonymousClient().GetAsync("/api/v1/recommendations/states/XXX/pledges");
        using var recurrence = await app.AnonymousClient().GetAsync("/api/v1/recommendations/states/XXX/recurrence");
        using var page = await app.AnonymousClient().GetAsync("/recommendations/states/XXX");

        Assert.Empty(none.EnumerateArray());
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (pledges.StatusCode, recurrence.StatusCode, page.StatusCode));
        Assert.Contains("XXX", (await recurrence.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Contains("No State has the code", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_recommendation_is_a_404_page_and_a_404_problem()
    {
        var id = Guid.NewGuid();

        using var api = await app.AnonymousClient().GetAsync($"/api/v1/recommendations/{id}");
        using var page = await app.AnonymousClient().GetAsync($"/recommendations/{id}");

        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains(id.ToString(), (await api.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Recommendation not found", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_detail_and_report_pages_speak_Khmer()
    {
        var id = await FindAsync(18, DenmarkSession18);

        var detail = await app.AnonymousClient().GetStringAsync($"/recommendations/{id}?culture=km");
        var report = await app.AnonymousClient().GetStringAsync("/recommendations/states/KHM?culture=km");

        Assert.Contains("<html lang=\"km\">", detail);
        Assert.Contains("ធ្លាប់បានផ្តល់អនុសាសន៍ពីមុន", detail);
        Assert.Contains("<td>គាំទ្រ</td>", detail);
        Assert.Contains("ក្រុមអាស៊ី-ប៉ាស៊ីហ្វិក", detail);
        Assert.Contains("ការសន្យាដោយស្ម័គ្រចិត្ត", report);
        Assert.Contains("វដ្តទី 2", report);
    }

    private async Task<int> JapanRepeatsAsync()
    {
        var report = await app.AnonymousClient().GetJsonAsync("/api/v1/recommendations/states/KHM/recurrence");
        return report.GetProperty("recommenders").EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == "Japan").GetProperty("repeats").GetArrayLength();
    }

    private Task<Guid> FindAsync(int session, string textStart) =>
        app.WithScopeAsync(s => s.GetRequiredService<SpeanDbContext>().Recommendations
            .Where(r => r.StateUnderReviewIso3 == "KHM" && r.Session == session && r.Text.StartsWith(textStart))
            .Select(r => r.Id).SingleAsync());
}
