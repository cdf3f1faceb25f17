using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Classification;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Recommendations;

/// <summary>Prediction once the app has trained its models by itself in the background.</summary>
public sealed class PredictionTests(PredictionApp app) : IClassFixture<PredictionApp>
{
    [Fact]
    public async Task Api_predicts_specific_action_for_ratification_with_the_verb_as_reason()
    {
        await ModelReadyAsync();
        using var response = await app.AnonymousClient().PostAsJsonAsync("/api/v1/recommendations/predict",
            new { text = "Ratify the Convention against Torture" });
        var json = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, json.GetProperty("actionCategory").GetInt32());
        Assert.Equal("Specific action", json.GetProperty("categoryName").GetString());
        Assert.Equal("Predicted", json.GetProperty("origin").GetString());
        Assert.Contains("ratify", json.GetProperty("decisiveWords").EnumerateArray().Select(w => w.GetString()));
        var issues = json.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("issue").GetString()).ToList();
        Assert.Contains("International instruments", issues);
        Assert.Contains("Torture and other CID treatment", issues);
    }

    [Fact]
    public async Task Api_predicts_continuing_action_for_continue()
    {
        await ModelReadyAsync();
        using var response = await app.AnonymousClient().PostAsJsonAsync("/api/v1/recommendations/predict",
            new { text = "Continue its efforts to combat trafficking in persons" });
        var json = await response.ReadJsonAsync();

        Assert.Equal(2, json.GetProperty("actionCategory").GetInt32());
        Assert.Equal("Continuing action", json.GetProperty("categoryName").GetString());
        Assert.Contains("Trafficking", json.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("issue").GetString()));
    }

    private const string DraftForCambodia = "Establish without delay an independent national preventive mechanism against torture";

    [Fact]
    public async Task Api_lists_what_the_State_was_recommended_before_that_the_text_asks_again()
    {
        await ModelReadyAsync();
        using var response = await app.AnonymousClient().PostAsJsonAsync("/api/v1/recommendations/predict",
            new { text = DraftForCambodia, stateUnderReview = "khm" });
        var json = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var before = json.GetProperty("recommendedBefore").EnumerateArray().ToList();
        Assert.InRange(before.Count, 1, 10);
        var first = before[0].GetProperty("recommendation");
        Assert.Contains("national preventive mechanism", first.GetProperty("text").GetString());
        Assert.Contains(before, b => b.GetProperty("recommendation").GetProperty("session").GetInt32() == 6);
        Assert.Contains(before, b => b.GetProperty("recommendation").GetProperty("session").GetInt32() == 18);
        using var detail = await app.AnonymousClient().GetAsync($"/api/v1/recommendations/{first.GetProperty("id").GetGuid()}");
        Assert.Equal("KHM", (await detail.ReadJsonAsync()).GetProperty("stateUnderReview").GetProperty("iso3").GetString());
    }

    [Fact]
    public async Task Api_looks_for_nothing_earlier_without_a_State()
    {
        await ModelReadyAsync();
        using var response = await app.AnonymousClient().PostAsJsonAsync("/api/v1/recommendations/predict", new { text = DraftForCambodia });
        var json = await response.ReadJsonAsync();

        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("recommendedBefore").ValueKind);
    }

    [Fact]
    public async Task Api_refuses_a_State_it_does_not_know_and_says_what_to_send()
    {
        using var response = await app.AnonymousClient().PostAsJsonAsync("/api/v1/recommendations/predict",
            new { text = DraftForCambodia, stateUnderReview = "Kampuchea" });
        var json = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'Kampuchea' is not the ISO3 code of a State", json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Page_shows_the_recommendations_a_pasted_draft_repeats_in_English_and_Khmer()
    {
        await ModelReadyAsync();
        var client = app.AnonymousClient();
        var form = new Dictionary<string, string> { ["Input.Text"] = DraftForCambodia, ["Input.State"] = "KHM" };

        using var english = await client.SubmitAsync("/recommendations/predict", form);
        var html = await english.Content.ReadAsStringAsync();
        using var _ = await client.GetAsync("/culture/km?returnUrl=%2Frecommendations%2Fpredict");
        using var khmer = await client.SubmitAsync("/recommendations/predict", form);
        var km = await khmer.Content.ReadAsStringAsync();

        Assert.Contains("<option value=\"KHM\" selected>Cambodia</option>", html);
        Assert.Contains("Recommendations made to Cambodia before that this text asks again", html);
        Assert.Matches("<a href=\"/recommendations/[0-9a-f-]{36}\" lang=\"en\">[^<]*national preventive mechanism", html);
        Assert.Contains("Session 6 (cycle 1)", html);
        Assert.Contains("Session 18 (cycle 2)", html);
        Assert.Contains("អនុសាសន៍ដែលធ្លាប់បានផ្តល់ជូន កម្ពុជា ពីមុន", km);
        Assert.Contains("សម័យប្រជុំទី 18 (វដ្តទី 2)", km);
    }

    [Theory]
    [InlineData("   ", "as 'text'")]
    [InlineData(null, "as 'text'")]
    public async Task Api_refuses_an_empty_text_with_a_problem(string? text, string detail)
    {
        using var response = await app.AnonymousClient().PostAsJsonAsync("/api/v1/recommendations/predict", new { text });
        var json = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Api_refuses_a_text_too_long_to_be_one_recommendation()
    {
        using var response = await app.AnonymousClient().PostAsJsonAsync("/api/v1/recommendations/predict",
            new { text = string.Concat(Enumerable.Repeat("Ratify the Convention against Torture. ", 200)) });
        var json = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 4000", json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Page_shows_the_predicted_category_its_reason_and_issues_labelled_as_predicted()
    {
        await ModelReadyAsync();
        var client = app.AnonymousClient();

        using var response = await client.SubmitAsync("/recommendations/predict",
            new Dictionary<string, string> { ["Input.Text"] = "Ratify the Convention against Torture" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("5 · Specific action", html);
        Assert.Contains("(predicted, confidence", html);
        Assert.Contains("not UPR Info&#x27;s official category", html);
        Assert.Matches("<li lang=\"en\">ratify</li>", html);
        Assert.Contains("International instruments", html);
    }

    [Fact]
    public async Task Page_speaks_Khmer_when_the_language_is_Khmer()
    {
        await ModelReadyAsync();
        var client = app.AnonymousClient();
        using var _ = await client.GetAsync("/culture/km?returnUrl=%2Frecommendations%2Fpredict");

        using var response = await client.SubmitAsync("/recommendations/predict",
            new Dictionary<string, string> { ["Input.Text"] = "Continue its efforts to combat trafficking in persons" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"km\">", html);
        Assert.Contains("ប្រភេទសកម្មភាពដែលបានទស្សន៍ទាយ", html);
        Assert.Contains("2 · សកម្មភាពបន្ត", html);
        Assert.Contains("មិនមែនជាប្រភេទផ្លូវការរបស់ UPR Info ទេ", html);
    }

    [Fact]
    public async Task Page_asks_for_a_text_when_the_form_is_empty()
    {
        var client = app.AnonymousClient();

        using var response = await client.SubmitAsync("/recommendations/predict", new Dictionary<string, string> { ["Input.Text"] = "" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Type or paste a recommendation first.", html);
        Assert.DoesNotContain("Predicted action category", html);
    }

    /// <summary>No test trains the models itself: each waits for the app's own background training.</summary>
    private static readonly string[] Denmark = ["Denmark"];

    [Fact]
    public async Task A_recommendation_added_without_a_category_gets_the_predicted_one_marked_predicted()
    {
        await ModelReadyAsync();
        var coordinator = await app.ClientForAsync(Role.Coordinator);

        using var withoutCategory = await coordinator.PostAsJsonAsync("/api/v1/recommendations",
            new { text = "Ratify the Optional Protocol to the Convention against Torture", stateUnderReview = "KHM", recommendingStates = Denmark, session = 32 });
        using var official = await coordinator.PostAsJsonAsync("/api/v1/recommendations",
            new { text = "Ratify the Optional Protocol on the sale of children", stateUnderReview = "KHM", recommendingStates = Denmark, session = 32, actionCategory = 4 });
        var predicted = await withoutCategory.ReadJsonAsync();
        var given = await official.ReadJsonAsync();

        Assert.Equal((5, "Predicted"), (predicted.GetProperty("actionCategory").GetInt32(), predicted.GetProperty("actionCategoryOrigin").GetString()));
        Assert.Equal((4, "Official"), (given.GetProperty("actionCategory").GetInt32(), given.GetProperty("actionCategoryOrigin").GetString()));
    }

    [Fact]
    public async Task Recommendations_imported_without_a_category_get_the_predicted_one_and_the_action_facet_counts_it()
    {
        await ModelReadyAsync();
        var csv = "Recommendation,State under Review,Recommending States,Session,Action\n"
            + "Ratify the Convention against Torture,Cambodia,France,47,\n"
            + "Ratify the Optional Protocol on the sale of children,Cambodia,Spain,47,3\n";
        var map = CsvColumnMap.Parse(["text=Recommendation", "sur=State under Review", "from=Recommending States", "session=Session", "action=Action"]).Value!;

        var report = await app.WithScopeAsync(s => s.GetRequiredService<RecommendationImporter>()
            .ImportAsync(UprInfoCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), map)));
        // Imported as the CLI does, past the app's own edits: search notices the new rows by itself.
        var found = await app.AnonymousClient().GetJsonAsync("/api/v1/recommendations?session=47");
        for (var attempt = 0; attempt < 40 && found.GetProperty("total").GetInt32() < 2; attempt++)
        {
            await Task.Delay(250);
            found = await app.AnonymousClient().GetJsonAsync("/api/v1/recommendations?session=47");
        }

        Assert.Equal((2, 1), (report.Created, report.Predicted));
        Assert.Equal(["Ratify the Convention against Torture: 5 Predicted", "Ratify the Optional Protocol on the sale of children: 3 Official"],
            found.GetProperty("items").EnumerateArray().Select(i => $"{i.GetProperty("text").GetString()}: {i.GetProperty("actionCategory").GetInt32()} {i.GetProperty("actionCategoryOrigin").GetString()}").Order());
        Assert.Equal(["3: 1", "5: 1"], found.GetProperty("facets").GetProperty("action").EnumerateArray()
            .Where(v => v.GetProperty("count").GetInt32() > 0).Select(v => $"{v.GetProperty("value").GetString()}: {v.GetProperty("count").GetInt32()}").Order());
    }

    private async Task ModelReadyAsync()
    {
        var classifier = app.Services.GetRequiredService<RecommendationClassifier>();
        for (int i = 0; i < 1800 && !classifier.IsReady; i++)
            await Task.Delay(100);
        Assert.True(classifier.IsReady, "the app did not train its prediction models in the background within three minutes");
    }
}

/// <summary>Before the models are trained (here: never, as this app does not train them) prediction says to come back.</summary>
[Collection(nameof(SqliteApp))]
public sealed class PredictionWhileLearningTests(SqliteApp app)
{
    [Fact]
    public async Task Api_answers_503_with_Retry_After()
    {
        using var response = await app.AnonymousClient().PostAsJsonAsync("/api/v1/recommendations/predict",
            new { text = "Ratify the Convention against Torture" });
        var json = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
        Assert.Contains("still learning", json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Page_says_the_model_is_still_learning()
    {
        using var response = await app.AnonymousClient().SubmitAsync("/recommendations/predict",
            new Dictionary<string, string> { ["Input.Text"] = "Ratify the Convention against Torture" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("The model is still learning from the UPR Info data. Try again in a few seconds.", html);
        Assert.DoesNotContain("Specific action", html);
    }
}
