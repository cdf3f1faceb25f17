using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Spean.Core.Accounts;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Recommendations;

/// <summary>On pages in Khmer every State is named in Khmer; filter values stay ISO codes.</summary>
[Collection(nameof(RecommendationsApp))]
public sealed partial class KhmerStateNamesTests(RecommendationsApp app)
{
    private static readonly string[] RecommendingStates = ["France", "Sovereign Order of Malta", "Viet Nam", "Japan"];
    private static readonly string[] Issues = ["International instruments"];

    [Fact]
    public async Task The_search_page_in_Khmer_names_Cambodia_in_its_filter_and_result_lines()
    {
        var client = await KhmerClientAsync();

        var page = Regex.Replace(await client.GetStringAsync("/recommendations?sur=KHM&session=18"), "\\s+", " ");

        Assert.Matches("<a href=\"/recommendations\\?session=18\" class=\"selected\"[^>]*>.*?<span class=\"label\">កម្ពុជា</span>", page);
        Assert.Contains("<span>កម្ពុជា</span> ·", page);
        Assert.Matches("ផ្ដល់អនុសាសន៍ដោយ: [\u1780-\u17FF]", page);
        Assert.DoesNotContain("<span class=\"label\">Cambodia</span>", page);
        Assert.DoesNotContain("<span>Cambodia</span>", page);
    }

    [Fact]
    public async Task The_detail_page_in_Khmer_lists_recommending_States_in_Khmer_order_and_an_observer_by_its_written_name()
    {
        var coordinator = await app.ClientForAsync(Role.Coordinator);
        using var created = await coordinator.PostAsJsonAsync("/api/v1/recommendations", new
        {
            text = $"Ratify the Convention on Cluster Munitions ({Guid.NewGuid():N})",
            stateUnderReview = "KHM",
            recommendingStates = RecommendingStates,
            session = 32,
            response = "Noted",
            issues = Issues,
        });
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetString();

        var page = await (await KhmerClientAsync()).GetStringAsync($"/recommendations/{id}");
        using var _ = await coordinator.DeleteAsync($"/api/v1/recommendations/{id}");

        Assert.Equal(["កម្ពុជា", "ជប៉ុន", "បារាំង", "វៀតណាម", "Sovereign Order of Malta"],
            StateLineName().Matches(page).Select(m => m.Groups[1].Value));
        Assert.Contains("អនុសាសន៍ជូនចំពោះ កម្ពុជា", page);
    }

    [Fact]
    public async Task The_State_report_in_Khmer_names_the_State_its_recommenders_and_its_themes_in_Khmer()
    {
        var page = await (await KhmerClientAsync()).GetStringAsync("/recommendations/states/KHM");

        Assert.Contains("<h1>កម្ពុជា៖ អនុសាសន៍ឆ្លងកាត់វដ្តនានា</h1>", page);
        Assert.Matches("<h3>ដាណឺម៉ាក \\(\\d+\\)</h3>", page);
        Assert.Matches("<h3>ជប៉ុន \\(\\d+\\)</h3>", page);
        Assert.DoesNotContain("<h3>Denmark", page);
        Assert.Contains("<th scope=\"row\">យុត្តិធម៌</th>", page);
        Assert.Contains("<th scope=\"row\">សិទ្ធិកុមារ</th>", page);
        Assert.DoesNotContain("<th scope=\"row\">Justice</th>", page);
    }

    [Fact]
    public async Task Statistics_in_Khmer_label_States_in_Khmer_and_shorten_long_names_between_syllables()
    {
        var client = await KhmerClientAsync();

        var page = Regex.Replace(await client.GetStringAsync("/recommendations/statistics?rows=sur&columns=response&sur=KHM"), ">\\s+<", "><");
        var svg = await client.GetStringAsync("/api/v1/recommendations/statistics.svg?rows=sur&columns=response&sur=KHM&sur=PRK");

        Assert.Contains("<th scope=\"row\">កម្ពុជា</th>", page);
        Assert.Contains(">កម្ពុជា</text>", svg);
        // សាធារណរដ្ឋប្រជាធិបតេយ្យប្រជាមានិតកូរ៉េ is too long for the chart: cut after ប្រ, not inside ជា.
        Assert.Contains(">សាធារណរដ្ឋប្រជាធិបតេយ្យប្រ…</text>", svg);
    }

    private async Task<HttpClient> KhmerClientAsync()
    {
        var client = app.AnonymousClient();
        await client.GetAsync("/culture/km");
        return client;
    }

    [GeneratedRegex("<span>([^<]+)</span>\\s*<span class=\"muted\">")]
    private static partial Regex StateLineName();
}
