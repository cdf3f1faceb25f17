using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Spean.Core.Accounts;
using Spean.Core.Recommendations;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Recommendations;

[Collection(nameof(RecommendationsApp))]
public sealed partial class RecommendationPagesTests(RecommendationsApp app)
{
    private const string TortureInCambodiaNoted = "q=torture%20NOT%20prison&sur=KHM&response=Noted";

    [Fact]
    public async Task The_search_page_shows_the_same_results_as_the_API_with_marked_matches_and_counted_filters()
    {
        var client = app.AnonymousClient();
        var api = await client.GetJsonAsync($"/api/v1/recommendations?{TortureInCambodiaNoted}");

        var page = await client.GetStringAsync($"/recommendations?{TortureInCambodiaNoted}");

        Assert.Contains($"{api.GetProperty("total").GetInt32()} recommendations", page);
        Assert.Matches("<mark>[Tt]orture</mark>", page);
        Assert.DoesNotContain("prison", HitTexts(page), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("State under Review", page);
        Assert.Contains("placeholder=\"torture NOT prison\"", page);
        // The chosen State is a selected link that takes it away again, with its name and count.
        Assert.Matches("<a href=\"/recommendations\\?q=torture%20NOT%20prison&amp;response=Noted\" class=\"selected\"[^>]*>.*?Cambodia.*?</a>",
            Regex.Replace(page, "\\s+", " "));
        Assert.Contains($"/api/v1/recommendations/export.xlsx?{TortureInCambodiaNoted.Replace("&", "&amp;", StringComparison.Ordinal)}", page);
    }

    [Fact]
    public async Task In_Khmer_the_search_page_labels_filters_and_responses_in_Khmer()
    {
        var client = app.AnonymousClient();
        await client.GetAsync("/culture/km");

        var page = await client.GetStringAsync($"/recommendations?{TortureInCambodiaNoted}");

        Assert.Contains("រដ្ឋដែលត្រូវបានពិនិត្យ", page);
        Assert.Contains("កត់សម្គាល់", page);
        Assert.Contains("ប្រភេទសកម្មភាព", page);
        Assert.Contains("ទារុណកម្ម និងការប្រព្រឹត្តឃោរឃៅ", page);
        Assert.DoesNotContain("Torture and other CID treatment", page);
        // The words of the example are Khmer; AND, OR and NOT are the query's syntax in either language.
        Assert.Contains("placeholder=\"ទារុណកម្ម NOT ពន្ធនាគារ\"", page);
        using var example = await client.GetAsync($"/api/v1/recommendations?q={Uri.EscapeDataString("ទារុណកម្ម NOT ពន្ធនាគារ")}");
        Assert.Equal(HttpStatusCode.OK, example.StatusCode);
    }

    [Fact]
    public async Task A_search_that_cannot_be_read_explains_itself_on_the_page_in_the_readers_language()
    {
        var client = app.AnonymousClient();
        var page = await client.GetStringAsync("/recommendations?q=%28torture");
        var khmer = await client.GetStringAsync("/recommendations?q=%28torture&culture=km");
        var statistics = await client.GetStringAsync("/recommendations/statistics?q=torture%20AND&culture=km");

        Assert.Contains("The search could not be read: The &#x27;(&#x27; at position 1 is not closed. Add a &#x27;)&#x27;.", page);
        Assert.Contains("មិនអាចអានការស្វែងរកបានទេ៖ សញ្ញា &#x27;(&#x27; នៅទីតាំង 1 មិនទាន់បិទទេ។", khmer);
        Assert.Contains("AND នៅទីតាំង 9 ត្រូវការពាក្យ ឃ្លា ឬក្រុមមួយនៅពីក្រោយវា។", statistics);
    }

    [Fact]
    public async Task The_statistics_page_shows_Cambodia_session_18_as_a_table_and_a_chart()
    {
        var page = await app.AnonymousClient().GetStringAsync("/recommendations/statistics?rows=sur&columns=response&chart=stacked&sur=KHM&session=18");
        var flat = Regex.Replace(page, ">\\s+<", "><");

        Assert.Contains("205 recommendations", flat);
        Assert.Matches("<th scope=\"row\">Cambodia</th><td>42 <span class=\"muted\">\\(20.5 %\\)</span></td><td>163 <span class=\"muted\">\\(79.5 %\\)</span></td><td>205</td>", flat);
        Assert.Contains("<svg", page);
    }

    [Fact]
    public async Task The_chart_downloads_as_SVG_in_the_reader_s_language()
    {
        var client = app.AnonymousClient();
        using var english = await client.GetAsync("/api/v1/recommendations/statistics.svg?rows=session&columns=response&chart=line&sur=KHM");
        await client.GetAsync("/culture/km");
        var khmer = await client.GetStringAsync("/api/v1/recommendations/statistics.svg?rows=session&columns=response&chart=line&sur=KHM");

        Assert.Equal("image/svg+xml", english.Content.Headers.ContentType?.MediaType);
        var svg = await english.Content.ReadAsStringAsync();
        Assert.StartsWith("<svg", svg);
        Assert.Contains(">Supported</text>", svg);
        Assert.Contains(">គាំទ្រ</text>", khmer);
    }

    [Fact]
    public async Task A_member_saves_a_search_finds_it_in_their_list_and_nobody_else_sees_it()
    {
        var member = await app.ClientForAsync(Role.Member);
        var other = await app.ClientForAsync(Role.Member);
        var name = $"Torture noted {Guid.NewGuid():N}";

        using var saved = await member.SubmitAsync("/recommendations/saved", formSource: "/recommendations", formName: "save",
            fields: new Dictionary<string, string> { ["name"] = name, ["query"] = TortureInCambodiaNoted });
        var list = await member.GetStringAsync("/recommendations/saved");
        var theirs = await other.GetJsonAsync("/api/v1/recommendations/saved-searches");
        var mine = await member.GetJsonAsync("/api/v1/recommendations/saved-searches");
        var id = mine.EnumerateArray().Single().GetProperty("id").GetString();
        using var otherDeletes = await other.DeleteAsync($"/api/v1/recommendations/saved-searches/{id}");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("saved=1", saved.Headers.Location!.OriginalString);
        Assert.Contains($"<a href=\"/recommendations?{TortureInCambodiaNoted.Replace("&", "&amp;", StringComparison.Ordinal)}\">{name}</a>", list);
        Assert.Empty(theirs.EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, otherDeletes.StatusCode);
    }

    [Fact]
    public async Task Saving_a_search_without_a_name_is_refused_with_a_reason()
    {
        var member = await app.ClientForAsync(Role.Member);

        using var response = await member.PostAsJsonAsync("/api/v1/recommendations/saved-searches", new { name = " ", queryString = "sur=KHM" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("name", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Every_facet_link_changes_one_value_of_one_filter_and_keeps_the_words_sort_and_page_size()
    {
        const string asked = "q=torture%20NOT%20prison&sur=KHM&response=Noted&issue=Torture%20and%20other%20CID%20treatment&sort=newest&page=2&pageSize=50";
        var query = RecommendationQuery.Parse(asked).Value!;

        var page = await app.AnonymousClient().GetStringAsync($"/recommendations?{asked}");

        var links = FacetLink().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.True(links.Count > 50, $"only {links.Count} facet links");
        foreach (var link in links)
        {
            var toggled = RecommendationQuery.Parse(link).Value!;
            var changed = RecommendationQuery.Fields.Where(f => !toggled.Selected(f).SequenceEqual(query.Selected(f))).ToList();
            var field = Assert.Single(changed);
            var value = toggled.Selected(field).Except(query.Selected(field)).Concat(query.Selected(field).Except(toggled.Selected(field))).Single();
            Assert.Equal(query.Toggle(field, value).ToQueryString(), link);
        }
    }

    private static string HitTexts(string page) =>
        string.Join("\n", HitText().Matches(page).Select(m => m.Groups[1].Value));

    [GeneratedRegex("<a href=\"/recommendations\\?([^\"]*)\"[^>]*>\\s*<span class=\"box\"")]
    private static partial Regex FacetLink();

    [GeneratedRegex("<p class=\"text\">(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex HitText();
}
