using System.Globalization;
using System.Net;
using System.Resources;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Pages;

[Collection(nameof(SqliteApp))]
public sealed class PageTests(SqliteApp app)
{
    [Fact]
    public async Task Switching_to_Khmer_is_remembered_and_pages_speak_Khmer()
    {
        var client = app.AnonymousClient();

        using var switched = await client.GetAsync("/culture/km?returnUrl=%2Fgazetteer");
        var page = await client.GetStringAsync("/gazetteer");

        Assert.Equal("/gazetteer", switched.Headers.Location!.OriginalString);
        Assert.Contains("<html lang=\"km\">", page);
        Assert.Contains("បញ្ជីឈ្មោះភូមិសាស្ត្រ", page);
        Assert.Contains("ភ្នំពេញ", page);
    }

    [Fact]
    public async Task Language_switch_refuses_unknown_languages_and_foreign_return_addresses()
    {
        var client = app.AnonymousClient();

        using var unknown = await client.GetAsync("/culture/xx");
        using var foreign = await client.GetAsync("/culture/en?returnUrl=https%3A%2F%2Fevil.example");

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("/", foreign.Headers.Location!.OriginalString);
    }

    [Fact]
    public void Every_English_string_has_a_Khmer_translation_in_Khmer_script()
    {
        var resources = new ResourceManager("Spean.Web.Resources.Strings", typeof(Strings).Assembly);
        var english = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        var khmer = resources.GetResourceSet(new CultureInfo("km"), createIfNotExists: true, tryParents: false)!;

        var keys = english.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToList();
        Assert.True(keys.Count > 100, $"only {keys.Count} strings found");
        var untranslated = keys.Where(k => khmer.GetString(k) is not { } km || !km.Any(c => c is >= '\u1780' and <= '\u17FF')).ToList();
        Assert.Empty(untranslated);
    }

    [Fact]
    public async Task Home_page_is_small_and_loads_nothing_from_the_internet()
    {
        var client = app.AnonymousClient();
        var html = await client.GetStringAsync("/");
        var css = await client.GetStringAsync("/css/site.css");

        Assert.True(html.Length + css.Length < 150 * 1024, $"{html.Length + css.Length} bytes");
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.DoesNotContain("http", css);
    }

    [Fact]
    public async Task OpenApi_document_and_health_endpoint_answer()
    {
        var client = app.AnonymousClient();

        var openApi = await client.GetJsonAsync("/openapi/v1.json");
        using var health = await client.GetAsync("/health");

        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/v1/countries", out _));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task An_unknown_api_address_is_a_404_problem()
    {
        var client = await app.ClientForAsync(Spean.Core.Accounts.Role.Viewer);

        using var response = await client.GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("{\"title\": 5}", "$.title")]
    [InlineData("{\"title\": \"A\", \"occurredFrom\": \"last week\"}", "$.occurredFrom")]
    [InlineData("not json", "not valid JSON")]
    public async Task A_body_the_api_cannot_read_is_a_400_problem_naming_what_to_change(string body, string named)
    {
        var client = await app.ClientForAsync(Spean.Core.Accounts.Role.Member);

        using var response = await client.PostAsync("/api/v1/reports", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(named, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
