using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Spean.Web.Tests.Infrastructure;

namespace Spean.Web.Tests.Monitoring;

/// <summary>The map of Cambodia, drawn on the server from the shipped boundaries, for anyone and without internet.</summary>
public abstract class MapTests(SpeanApp app)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task The_map_page_links_every_province_in_English_and_in_Khmer()
    {
        var client = app.AnonymousClient();

        var english = await client.GetStringAsync("/map");
        using var switched = await client.GetAsync("/culture/km?returnUrl=%2Fmap");
        var khmer = await client.GetStringAsync("/map");

        Assert.Contains("<h1>Map of reports</h1>", english);
        Assert.Contains("<title>Preah Vihear: 0</title>", english);
        Assert.Contains("<h1>ផែនទីរបាយការណ៍</h1>", khmer);
        Assert.Contains("<title>ព្រះវិហារ: 0</title>", khmer);
        Assert.Contains("<option value=\"landmines\">Landmine, ERW and cluster-munition use</option>", english);
        Assert.Contains("<option value=\"landmines\">មីន សំណល់ជាតិផ្ទុះពីសង្គ្រាម និងគ្រាប់បែកចង្កោម</option>", khmer);
        foreach (var page in new[] { english, khmer })
        {
            var onMap = Regex.Matches(page, "<a href=\"/reports\\?place=(\\d\\d)\" data-code=\"\\1\">").Select(m => m.Groups[1].Value).ToList();
            var inTable = Regex.Matches(page, "<td><a href=\"/reports\\?place=(\\d\\d)\">").Select(m => m.Groups[1].Value).ToList();
            var timelines = Regex.Matches(page, "<td><a href=\"/reports/timeline\\?place=(\\d\\d)\"").Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(25, onMap.Distinct().Count());
            Assert.Equal(onMap.Order(), inTable.Order());
            Assert.Equal(onMap.Order(), timelines.Order());
            Assert.Contains("<a href=\"/map\">", page);
        }
    }

    [Fact]
    public async Task The_map_with_every_layer_requests_nothing_from_another_host()
    {
        var client = app.AnonymousClient();

        var html = await client.GetStringAsync("/map?districts=true&concessions=true&category=mining&from=2024-01-01&to=2024-12-31");

        Assert.Equal(164, Regex.Count(html, "<path class=\"mining\""));
        Assert.Equal(225 + 134, Regex.Count(html, "<(path|circle) class=\"land\""));
        Assert.Single(Regex.Matches(html, "<use class=\"districts\" href=\"/api/v1/map/district-outlines.svg\\?v=[0-9a-f]{12}#districts\""));
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.DoesNotMatch(@"url\(\s*['""]?(https?:)?//", html);
        Assert.All(Regex.Matches(html, "https?://[^\"'\\s<)]*"), url => Assert.Equal("http://www.w3.org/2000/svg", url.Value));
        Assert.Contains("value=\"2024-01-01\"", html);
        Assert.Contains("value=\"mining\"", html);
        Assert.Contains("<a href=\"/reports?place=13&amp;category=mining&amp;from=2024-01-01&amp;to=2024-12-31\" data-code=\"13\">", html);
        Assert.Contains("<a href=\"/reports/timeline?place=13&amp;category=mining&amp;from=2024-01-01&amp;to=2024-12-31\"", html);
    }

    [Fact]
    public async Task Filters_the_page_cannot_read_get_a_message_not_an_error_or_a_map_of_zeros()
    {
        var client = app.AnonymousClient();

        foreach (var query in new[] { "from=2025-03-01&to=2025-01-01", "category=Mining" })
        {
            using var response = await client.GetAsync("/map?" + query);
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Check the filters", html);
            Assert.DoesNotContain("data-code=", html);
        }
        using var svg = await client.GetAsync("/api/v1/map/provinces.svg?category=Mining");
        Assert.Equal(HttpStatusCode.BadRequest, svg.StatusCode);
        Assert.Contains("'Mining' is not a report category: use one of mining, land", await svg.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_SVG_endpoint_answers_an_SVG_image_with_the_25_provinces()
    {
        var client = app.AnonymousClient();

        using var response = await client.GetAsync("/api/v1/map/provinces.svg?concessions=true");
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(25, svg.Descendants(Svg + "a").Count());
        Assert.Contains(svg.Descendants(Svg + "title"), t => t.Value == "Phnom Penh: 0");
        Assert.Equal(164, svg.Descendants(Svg + "path").Count(p => (string?)p.Attribute("class") == "mining"));
        Assert.Empty(svg.Descendants(Svg + "use")); // a file a script downloads stands alone
    }

    [Fact]
    public async Task The_map_page_draws_its_outlines_from_addresses_a_phone_keeps_for_good_and_the_districts_only_when_shown()
    {
        var client = app.AnonymousClient();

        var plain = References(await client.GetStringAsync("/map"));
        var withDistricts = References(await client.GetStringAsync("/map?districts=true"));

        Assert.Equal(25, plain.Count);
        Assert.Single(plain.Select(r => r.Address).Distinct());
        Assert.Equal(26, withDistricts.Count);
        Assert.Equal(2, withDistricts.Select(r => r.Address).Distinct().Count());
        foreach (var file in withDistricts.GroupBy(r => r.Address))
        {
            using var response = await client.GetAsync(file.Key);
            var ids = XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants(Svg + "path").Select(p => (string)p.Attribute("id")!);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
            Assert.True(response.Headers.CacheControl is { Public: true, MaxAge.TotalDays: >= 365 }, $"Cache-Control: {response.Headers.CacheControl}");
            Assert.Contains("immutable", response.Headers.CacheControl!.Extensions.Select(e => e.Name));
            Assert.Equal(file.Select(r => r.Id).Order(), ids.Order());
        }

        static List<(string Address, string Id)> References(string html)
        {
            Assert.DoesNotContain(" d=\"M", html);
            return [.. Regex.Matches(html, "<use[^>]* href=\"([^\"#]+)#([^\"]+)\"").Select(m => (m.Groups[1].Value, m.Groups[2].Value))];
        }
    }

    [Theory]
    [InlineData("/api/v1/map/provinces.svg?from=2025-03-01&to=2025-01-01", "The start date is after the end date.")]
    [InlineData("/api/v1/map/provinces.svg?from=March", "'March' is not a date: write the start date as yyyy-MM-dd.")]
    [InlineData("/api/v1/map/concessions.geojson?kind=gold", "Unknown concession kind 'gold'. Use one of: Mining, EconomicLand, OilAndGas, SpecialEconomicZone.")]
    public async Task Bad_map_queries_are_400_problems_that_say_what_to_fix(string url, string detail)
    {
        using var response = await app.AnonymousClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(detail, (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Concessions_are_served_as_GeoJSON_by_kind()
    {
        using var response = await app.AnonymousClient().GetAsync("/api/v1/map/concessions.geojson?kind=mining");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        var features = document.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(164, features.Count);
        Assert.All(features, f => Assert.Equal("Mining", f.GetProperty("properties").GetProperty("kind").GetString()));
        var wuhan = features.Single(f => f.GetProperty("id").GetString() == "mining-199");
        Assert.Equal("Wuhan Steel (50%)", wuhan.GetProperty("properties").GetProperty("company").GetString());
        Assert.Equal("Polygon", wuhan.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(["13"], wuhan.GetProperty("properties").GetProperty("provinceCodes").EnumerateArray().Select(c => c.GetString()));
    }
}

[Collection(nameof(SqliteApp))]
public sealed class SqliteMapTests(SqliteApp app) : MapTests(app);

[Collection(nameof(PostgresApp))]
public sealed class PostgresMapTests(PostgresApp app) : MapTests(app);
