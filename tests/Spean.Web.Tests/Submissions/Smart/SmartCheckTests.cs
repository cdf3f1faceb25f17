using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Recommendations.Classification;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Submissions.Smart;

/// <summary>The app with its prediction models trained in the background, as in production, on either database.</summary>
public sealed class SmartSqliteApp : SpeanApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override bool TrainClassifier => true;
}

public sealed class SmartPostgresApp : SpeanApp
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override bool TrainClassifier => true;
}

/// <summary>The SMART check through /api/v1/submissions/smart-check and the page /submissions/smart-check.</summary>
public abstract class SmartCheckTests(SpeanApp app)
{
    private const string Api = "/api/v1/submissions/smart-check";
    private const string Page = "/submissions/smart-check";
    private const string Weak = "Continue its efforts to improve the situation of human rights defenders";
    private const string Fixed = "Adopt by 2027 a law protecting human rights defenders, drafted by the Ministry of Justice with civil society";

    private static readonly string[] Denmark = ["Denmark"];
    private static readonly string[] Spain = ["Spain"];

    private static Dictionary<string, JsonElement> ByName(JsonElement json) =>
        json.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);

    private static string Verdict(Dictionary<string, JsonElement> checks, string name) => checks[name].GetProperty("verdict").GetString()!;

    [Fact]
    public async Task A_weak_draft_fails_and_its_fix_passes_with_the_deciding_words_and_advice()
    {
        await ModelReadyAsync();
        var member = await app.ClientForAsync(Role.Member);

        using var weakResponse = await member.PostAsJsonAsync(Api, new { text = Weak, language = "En", state = "KHM" });
        using var fixedResponse = await member.PostAsJsonAsync(Api, new { text = Fixed, language = "En", state = "KHM" });
        var weak = await weakResponse.ReadJsonAsync();
        var better = await fixedResponse.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, weakResponse.StatusCode);
        var weakChecks = ByName(weak);
        Assert.Equal(["ActionCategory", "MeasurableObject", "TimeFrame", "ResponsibleBody", "AlreadyRecommended"], weakChecks.Keys);
        Assert.Equal(2, weak.GetProperty("actionCategory").GetInt32());
        Assert.Equal(("Fail", "WeakAction"), (Verdict(weakChecks, "ActionCategory"), weakChecks["ActionCategory"].GetProperty("advice").GetString()));
        Assert.Contains("continue", weakChecks["ActionCategory"].GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("specific action", weakChecks["ActionCategory"].GetProperty("adviceText").GetString());
        Assert.Equal("Fail", Verdict(weakChecks, "MeasurableObject"));
        Assert.Equal("Fail", Verdict(weakChecks, "TimeFrame"));
        Assert.Equal("Fail", Verdict(weakChecks, "ResponsibleBody"));

        var betterChecks = ByName(better);
        Assert.Equal(5, better.GetProperty("actionCategory").GetInt32());
        Assert.All(["ActionCategory", "MeasurableObject", "TimeFrame", "ResponsibleBody", "AlreadyRecommended"], name => Assert.Equal("Pass", Verdict(betterChecks, name)));
        Assert.Equal(["by 2027"], betterChecks["TimeFrame"].GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("ministry of justice", betterChecks["ResponsibleBody"].GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_draft_the_State_already_supported_is_flagged_with_the_earlier_recommendation()
    {
        await ModelReadyAsync();
        var coordinator = await app.ClientForAsync(Role.Coordinator);
        using var created = await coordinator.PostAsJsonAsync("/api/v1/recommendations", new
        {
            text = "Establish an independent national preventive mechanism in line with the Optional Protocol to the Convention against Torture",
            stateUnderReview = "LAO", recommendingStates = Denmark, session = 8, response = "Supported", actionCategory = 5,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await coordinator.PostAsJsonAsync("/api/v1/recommendations", new
        {
            text = "Ensure the right to education of girls in rural areas", stateUnderReview = "LAO", recommendingStates = Spain, session = 8,
            response = "Noted", actionCategory = 4,
        });

        using var response = await (await app.ClientForAsync(Role.Member)).PostAsJsonAsync(Api,
            new { text = "Establish without delay an independent national preventive mechanism against torture", state = "lao" });
        var json = await response.ReadJsonAsync();

        var check = ByName(json)["AlreadyRecommended"];
        Assert.Equal(("Warn", "SupportedBefore"), (check.GetProperty("verdict").GetString(), check.GetProperty("advice").GetString()));
        Assert.Contains("preventive", check.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
        var earlier = json.GetProperty("recommendedBefore").EnumerateArray().Single();
        Assert.Equal((8, "Supported"), (earlier.GetProperty("session").GetInt32(), earlier.GetProperty("response").GetString()));
        Assert.Contains("national preventive mechanism", earlier.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_Khmer_draft_gets_Khmer_advice_and_Khmer_evidence()
    {
        var member = await app.ClientForAsync(Role.Member);
        member.DefaultRequestHeaders.AcceptLanguage.ParseAdd("km");

        using var response = await member.PostAsJsonAsync(Api, new { text = "បន្តពង្រឹងការការពារសិទ្ធិមនុស្ស", state = "KHM" });
        var json = await response.ReadJsonAsync();

        var checks = ByName(json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("Fail", "បន្ត"), (Verdict(checks, "ActionCategory"), checks["ActionCategory"].GetProperty("evidence")[0].GetString()));
        Assert.Contains("សកម្មភាពជាក់លាក់", checks["ActionCategory"].GetProperty("adviceText").GetString());
        Assert.Equal("ពេលវេលាកំណត់", checks["TimeFrame"].GetProperty("label").GetString());
        Assert.Equal("NotFoundInKhmer", checks["AlreadyRecommended"].GetProperty("advice").GetString());
    }

    [Theory]
    [InlineData("", "KHM", null, "as 'text'")]
    [InlineData("Ratify the Convention", "", null, "as 'state'")]
    [InlineData("Ratify the Convention", "Kampuchea", null, "'Kampuchea' is not the ISO3 code")]
    [InlineData("Ratify the Convention", "KHM", "French", "send \"En\" for English or \"Km\" for Khmer")]
    public async Task Api_refuses_what_it_cannot_check_and_says_what_to_send(string text, string state, string? language, string detail)
    {
        using var response = await (await app.ClientForAsync(Role.Member)).PostAsJsonAsync(Api, new { text, state, language });
        var json = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Api_refuses_several_recommendations_pasted_at_once()
    {
        using var response = await (await app.ClientForAsync(Role.Member)).PostAsJsonAsync(Api,
            new { text = string.Concat(Enumerable.Repeat("Ratify the Convention against Torture. ", 200)), state = "KHM" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 4000", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Visitors_who_are_not_signed_in_cannot_use_the_check()
    {
        using var api = await app.AnonymousClient().PostAsJsonAsync(Api, new { text = Weak, state = "KHM" });
        using var page = await app.AnonymousClient().GetAsync(Page);

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task The_operation_is_described_in_OpenAPI_with_a_summary()
    {
        var document = await app.AnonymousClient().GetJsonAsync("/openapi/v1.json");
        var operation = document.GetProperty("paths").GetProperty(Api).GetProperty("post");

        Assert.Contains("SMART check", operation.GetProperty("summary").GetString());
        Assert.True(operation.GetProperty("responses").TryGetProperty("200", out _));
        Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _));
    }

    [Fact]
    public async Task Page_shows_the_verdicts_of_a_pasted_draft_in_English_and_Khmer()
    {
        await ModelReadyAsync();
        var member = await app.ClientForAsync(Role.Member);
        var form = new Dictionary<string, string> { ["Input.Text"] = Weak, ["Input.Language"] = "En", ["Input.State"] = "KHM" };

        using var english = await member.SubmitAsync(Page, form);
        var html = await english.Content.ReadAsStringAsync();
        using var _ = await member.GetAsync($"/culture/km?returnUrl={Uri.EscapeDataString(Page)}");
        using var khmer = await member.SubmitAsync(Page, form);
        var km = await khmer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        Assert.Contains("data-smart-check", html);
        Assert.Contains("js/smart-check.js", html);
        Assert.Matches("<li class=\"smart-fail\" data-check=\"ActionCategory\">", html);
        Assert.Contains("Add a time frame, such as", html);
        Assert.Contains("<q>continue</q>", html);
        Assert.Contains("2 · Continuing action", html);
        Assert.Contains("<html lang=\"km\">", km);
        Assert.Contains("សូមបន្ថែមពេលវេលាកំណត់", km);
        Assert.Contains("ពិនិត្យសេចក្តីព្រាងអនុសាសន៍", km);
    }

    [Fact]
    public async Task Page_asks_for_a_text_when_the_form_is_empty()
    {
        var member = await app.ClientForAsync(Role.Member);

        using var response = await member.SubmitAsync(Page, new Dictionary<string, string> { ["Input.Text"] = "", ["Input.State"] = "KHM" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Type or paste a draft recommendation first.", html);
        Assert.DoesNotContain("data-check=", html);
    }

    private async Task ModelReadyAsync()
    {
        var classifier = app.Services.GetRequiredService<RecommendationClassifier>();
        for (int i = 0; i < 3000 && classifier.PredictAction("Ratify") is null; i++)
            await Task.Delay(100);
        Assert.True(classifier.PredictAction("Ratify") is not null, "the app did not train its action model in the background within five minutes");
    }
}

public sealed class SqliteSmartCheckTests(SmartSqliteApp app) : SmartCheckTests(app), IClassFixture<SmartSqliteApp>;

public sealed class PostgresSmartCheckTests(SmartPostgresApp app) : SmartCheckTests(app), IClassFixture<SmartPostgresApp>;
