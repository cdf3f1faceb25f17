using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
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
