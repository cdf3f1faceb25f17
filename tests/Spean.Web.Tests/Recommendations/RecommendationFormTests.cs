using System.Net;
using System.Text.RegularExpressions;
using Spean.Core.Accounts;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Recommendations;

[Collection(nameof(RecommendationsApp))]
public sealed class RecommendationFormTests(RecommendationsApp app)
{
    [Fact]
    public async Task A_coordinator_adds_corrects_and_deletes_a_recommendation_through_the_form()
    {
        var coordinator = await app.ClientForAsync(Role.Coordinator);
        var word = $"xf{Guid.NewGuid():N}"[..14];

        using var added = await coordinator.SubmitAsync("/recommendations/new", Fields(word, "Noted"));
        var detailUrl = added.Headers.Location!.OriginalString;
        var detailPage = await coordinator.GetStringAsync(detailUrl);
        using var corrected = await coordinator.SubmitAsync($"{detailUrl}/edit", Fields(word, "Supported"));
        var supported = await app.AnonymousClient().GetJsonAsync($"/api/v1/recommendations?q={word}&response=Supported");
        var editForm = await coordinator.GetStringAsync($"{detailUrl}/edit");
        using var deleted = await coordinator.SubmitAsync($"{detailUrl}/edit", new Dictionary<string, string> { ["Confirm"] = "true" },
            formName: "delete-recommendation");
        var afterDelete = await app.AnonymousClient().GetJsonAsync($"/api/v1/recommendations?q={word}");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains($"Abolish {word}", detailPage);
        Assert.Contains("Thailand", detailPage);
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(1, supported.GetProperty("total").GetInt32());
        Assert.Equal(["Japan", "Thailand"], Regex.Match(editForm, "name=\"Input.RecommendingStates\"[^>]*>([^<]*)<").Groups[1].Value.Replace("&#xA;", "\n", StringComparison.Ordinal).Split('\n').Order());
        Assert.EndsWith("/recommendations", deleted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(0, afterDelete.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Mistakes_are_named_in_Khmer_and_nothing_is_saved()
    {
        var coordinator = await app.ClientForAsync(Role.Coordinator);
        await coordinator.GetAsync("/culture/km");
        var word = $"xk{Guid.NewGuid():N}"[..14];
        var fields = Fields(word, "Noted");
        fields["Input.StateUnderReview"] = "Atlantis";
        fields["Input.RecommendingStates"] = "";

        using var response = await coordinator.SubmitAsync("/recommendations/new", fields);
        var page = await response.Content.ReadAsStringAsync();
        var search = await app.AnonymousClient().GetJsonAsync($"/api/v1/recommendations?q={word}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("រដ្ឋដែលត្រូវបានពិនិត្យមិនមែនជារដ្ឋដែលស្ពានស្គាល់ទេ", page);
        Assert.Contains("សូមដាក់ឈ្មោះរដ្ឋផ្តល់អនុសាសន៍យ៉ាងហោចណាស់មួយ", page);
        Assert.Contains($"Abolish {word}", page);
        Assert.Equal(0, search.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Members_cannot_open_the_form()
    {
        var member = await app.ClientForAsync(Role.Member);

        using var response = await member.GetAsync("/recommendations/new");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Input.Text", await response.Content.ReadAsStringAsync());
    }

    private static Dictionary<string, string> Fields(string word, string response) => new()
    {
        ["Input.Text"] = $"Abolish {word} in all places of detention",
        ["Input.StateUnderReview"] = "KHM",
        ["Input.RecommendingStates"] = "Japan\nThailand",
        ["Input.Session"] = "32",
        ["Input.Response"] = response,
        ["Input.Issues"] = "Detention",
    };
}
