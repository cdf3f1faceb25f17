using System.Net;
using System.Net.Http.Json;
using Spean.Core.Accounts;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Recommendations;

[Collection(nameof(RecommendationsApp))]
public sealed class RecommendationEditingTests(RecommendationsApp app)
{
    private static readonly string[] UnknownIssue = ["Weather"];

    [Fact]
    public async Task What_a_coordinator_adds_edits_and_deletes_is_searchable_at_once()
    {
        var coordinator = await app.ClientForAsync(Role.Coordinator);
        var word = $"xq{Guid.NewGuid():N}"[..14];
        var search = $"/api/v1/recommendations?q={word}";

        using var created = await coordinator.PostAsJsonAsync("/api/v1/recommendations", Input(word, "Noted"));
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetString();
        var afterCreate = await app.AnonymousClient().GetJsonAsync(search);
        using var edited = await coordinator.PutAsJsonAsync($"/api/v1/recommendations/{id}", Input(word, "Supported"));
        var supported = await app.AnonymousClient().GetJsonAsync($"{search}&response=Supported");
        var noted = await app.AnonymousClient().GetJsonAsync($"{search}&response=Noted");
        using var deleted = await coordinator.DeleteAsync($"/api/v1/recommendations/{id}");
        var afterDelete = await app.AnonymousClient().GetJsonAsync(search);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = afterCreate.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(["Japan", "Thailand"], item.GetProperty("recommendingStates").EnumerateArray().Select(s => s.GetProperty("name").GetString()).Order());
        Assert.Equal(3, item.GetProperty("cycle").GetInt32());
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal((1, 0), (supported.GetProperty("total").GetInt32(), noted.GetProperty("total").GetInt32()));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0, afterDelete.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Only_coordinators_change_recommendations()
    {
        using var member = await (await app.ClientForAsync(Role.Member)).PostAsJsonAsync("/api/v1/recommendations", Input("members", "Noted"));
        using var anonymous = await app.AnonymousClient().PostAsJsonAsync("/api/v1/recommendations", Input("anonymous", "Noted"));

        Assert.Equal(HttpStatusCode.Forbidden, member.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_recommendation_with_mistakes_is_refused_with_a_message_for_each_field()
    {
        var coordinator = await app.ClientForAsync(Role.Coordinator);

        using var response = await coordinator.PostAsJsonAsync("/api/v1/recommendations",
            new { text = " ", stateUnderReview = "Atlantis", recommendingStates = Array.Empty<string>(), session = 0, response = "Maybe", issues = UnknownIssue });
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Atlantis", errors.GetProperty("stateUnderReview")[0].GetString());
        Assert.Contains("'Weather' is not one of UPR Info's issues", errors.GetProperty("issues")[0].GetString());
        foreach (var field in new[] { "text", "recommendingStates", "session", "response" })
            Assert.True(errors.TryGetProperty(field, out _), $"no message for {field}");
    }

    [Fact]
    public async Task Editing_a_recommendation_that_is_gone_says_so()
    {
        var coordinator = await app.ClientForAsync(Role.Coordinator);

        using var response = await coordinator.PutAsJsonAsync($"/api/v1/recommendations/{Guid.NewGuid()}", Input("gone", "Noted"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no recommendation", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    private static object Input(string word, string response) => new
    {
        text = $"Protect community land rights against forced evictions {word}",
        textKm = "ការពារសិទ្ធិដីធ្លីសហគមន៍",
        stateUnderReview = "KHM",
        recommendingStates = new[] { "THA", "Japan" },
        session = 32,
        response,
        issues = new[] { "Right to land" },
    };
}
