using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Recommendations;

/// <summary>A Khmer question finds the English recommendations, says which English words it searched, and explains an empty answer.</summary>
[Collection(nameof(RecommendationsApp))]
public sealed class KhmerSearchTests(RecommendationsApp app)
{
    [Fact]
    public async Task Land_in_Khmer_finds_what_land_finds_and_says_the_English_words_searched()
    {
        var client = app.AnonymousClient();
        var khmer = await client.GetJsonAsync("/api/v1/recommendations?q=" + Uri.EscapeDataString("ដីធ្លី") + "&pageSize=5");
        var english = await client.GetJsonAsync("/api/v1/recommendations?q=land&pageSize=5");

        Assert.True(khmer.GetProperty("total").GetInt32() >= english.GetProperty("total").GetInt32(), $"{khmer.GetProperty("total")} for ដីធ្លី, {english.GetProperty("total")} for land");
        Assert.Equal("(\"ដីធ្លី\" OR land OR landholding)", khmer.GetProperty("expandedQuery").GetString());
        Assert.Equal("land OR landholding", khmer.GetProperty("englishQuery").GetString());
        var term = Assert.Single(khmer.GetProperty("expandedTerms").EnumerateArray());
        Assert.Equal("ដីធ្លី", term.GetProperty("term").GetString());
        Assert.True(term.GetProperty("toEnglish").GetBoolean());
        Assert.All(khmer.GetProperty("items").EnumerateArray(), item => Assert.NotEmpty(item.GetProperty("highlights").EnumerateArray()));

        foreach (var (culture, label, button) in new[]
        {
            ("en", "your Khmer words were searched as these English words", "Search these English words"),
            ("km", "ពាក្យខ្មែររបស់អ្នកត្រូវបានស្វែងរកជាពាក្យអង់គ្លេសទាំងនេះ", "ស្វែងរកពាក្យអង់គ្លេសទាំងនេះ"),
        })
        {
            var page = await client.GetStringAsync($"/recommendations?q={Uri.EscapeDataString("ដីធ្លី")}&sur=KHM&culture={culture}");
            Assert.Contains(label, page);
            Assert.Contains(button, page);
            Assert.Contains("name=\"q\" value=\"land OR landholding\"", page);
            Assert.Contains("<input type=\"hidden\" name=\"sur\" value=\"KHM\" />", page);
        }
    }

    [Fact]
    public async Task A_Khmer_word_with_no_English_explains_the_empty_result_and_what_to_try()
    {
        var client = app.AnonymousClient();
        var query = Uri.EscapeDataString("ស្រូវក្រហម");
        var found = await client.GetJsonAsync($"/api/v1/recommendations?q={query}");

        Assert.Equal(0, found.GetProperty("total").GetInt32());
        Assert.NotEmpty(found.GetProperty("unknownKhmerWords").EnumerateArray());
        Assert.Contains("Recommendations are written in English, and no English term is known for", found.GetProperty("explanation").GetString());

        var english = await client.GetStringAsync($"/recommendations?q={query}");
        Assert.Contains("Nothing was found because the recommendations are written in English", english);
        var khmer = await client.GetStringAsync($"/recommendations?q={query}&culture=km");
        Assert.Contains("រកមិនឃើញទេ ព្រោះអនុសាសន៍ត្រូវបានសរសេរជាភាសាអង់គ្លេស", khmer);

        var plain = await client.GetJsonAsync("/api/v1/recommendations?q=torture");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, plain.GetProperty("explanation").ValueKind);
    }
}
