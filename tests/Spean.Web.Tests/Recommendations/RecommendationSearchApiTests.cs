using System.Net;
using System.Text.Json;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Recommendations;

[Collection(nameof(RecommendationsApp))]
public sealed class RecommendationSearchApiTests(RecommendationsApp app)
{
    [Fact]
    public async Task Torture_NOT_prison_narrowed_to_Cambodia_and_Noted_holds_only_such_recommendations()
    {
        var found = await app.AnonymousClient().GetJsonAsync(
            "/api/v1/recommendations?q=torture%20NOT%20prison&sur=KHM&response=Noted&pageSize=100");

        var items = found.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.Equal(found.GetProperty("total").GetInt32(), items.Count);
        Assert.All(items, item =>
        {
            var text = item.GetProperty("text").GetString()!;
            Assert.Contains("tortur", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("prison", text, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(("KHM", "Noted"), (item.GetProperty("stateUnderReview").GetString(), item.GetProperty("response").GetString()));
            Assert.NotEmpty(item.GetProperty("highlights").EnumerateArray());
        });
    }

    [Fact]
    public async Task Facet_counts_follow_the_query_and_say_what_choosing_a_value_would_give()
    {
        var client = app.AnonymousClient();
        var cambodia = await client.GetJsonAsync("/api/v1/recommendations?q=torture&sur=KHM");
        var noted = await client.GetJsonAsync("/api/v1/recommendations?q=torture&sur=KHM&response=Noted");
        var everywhere = await client.GetJsonAsync("/api/v1/recommendations?q=torture");

        var responses = Counts(cambodia, "response");
        Assert.Equal(cambodia.GetProperty("total").GetInt32(), responses.Values.Sum());
        Assert.Equal(responses["Noted"], noted.GetProperty("total").GetInt32());
        // The response field keeps counting every response once Noted is chosen, so a user can switch.
        Assert.Equal(responses, Counts(noted, "response"));
        Assert.True(Counts(noted, "session").Values.Sum() == noted.GetProperty("total").GetInt32());
        Assert.True(Counts(everywhere, "response")["Noted"] > responses["Noted"]);
        Assert.Equal(Counts(everywhere, "sur")["KHM"], cambodia.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Paging_links_walk_through_every_result_once()
    {
        var client = app.AnonymousClient();
        var ids = new List<string>();
        string? next = "/api/v1/recommendations?sur=KHM&session=18&sort=newest&pageSize=100";
        while (next is not null)
        {
            var page = await client.GetJsonAsync(next);
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            var link = page.GetProperty("links").GetProperty("next");
            next = link.ValueKind == JsonValueKind.Null ? null : link.GetString();
        }

        Assert.Equal(205, ids.Count);
        Assert.Equal(205, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("q=%28torture", "not closed")]
    [InlineData("sort=loudest", "sort")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=5000", "pageSize")]
    public async Task A_query_that_cannot_be_read_gets_a_problem_that_says_why(string query, string mentioned)
    {
        using var response = await app.AnonymousClient().GetAsync($"/api/v1/recommendations?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(mentioned, (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_search_endpoint_and_its_filters_are_in_the_OpenAPI_document()
    {
        var document = await app.AnonymousClient().GetJsonAsync("/openapi/v1.json");

        var get = document.GetProperty("paths").GetProperty("/api/v1/recommendations").GetProperty("get");
        var parameters = get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Superset(new HashSet<string?>(["q", "sur", "recommending", "surGroup", "recommendingOrg", "response", "issue", "page"]),
            parameters.ToHashSet());
    }

    private static Dictionary<string, int> Counts(JsonElement result, string field) =>
        result.GetProperty("facets").GetProperty(field).EnumerateArray()
            .ToDictionary(f => f.GetProperty("value").GetString()!, f => f.GetProperty("count").GetInt32());
}
