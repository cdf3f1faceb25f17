using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Spean.Core.Monitoring.Map;
using Spean.Core.Taxonomies;

namespace Spean.Core.Tests.Monitoring.Map;

/// <summary>The map drawn from the shipped boundaries: where places land, how provinces are coloured, which layers show.</summary>
public sealed partial class ProvinceMapTests
{
    private static readonly ProvinceMap Map = new(CambodiaBoundaries.Load(CambodiaBoundaries.ShippedDirectory));
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static string Render(ProvinceCounts? counts = null, IReadOnlyList<Concession>? concessions = null, bool districts = false) =>
        Map.Render(new MapContent(counts ?? ProvinceCounts.None, code => $"/places/{code}") { Concessions = concessions is null ? null : Map.ConcessionLayer(concessions), Districts = districts });

    [Fact]
    public void All_25_provinces_are_drawn_as_links_with_their_name_on_hover()
    {
        var svg = XDocument.Parse(Render());

        var links = svg.Descendants(Svg + "a").ToList();
        Assert.Equal(Enumerable.Range(1, 25).Select(i => i.ToString("00", CultureInfo.InvariantCulture)), links.Select(a => (string)a.Attribute("data-code")!));
        Assert.All(links, a => Assert.Equal($"/places/{a.Attribute("data-code")!.Value}", (string)a.Attribute("href")!));
        Assert.Contains(links, a => a.Descendants(Svg + "title").Single().Value == "Preah Vihear: 0");
    }

    [Fact]
    public void Phnom_Penh_lands_inside_the_Phnom_Penh_province_and_outside_Siem_Reap()
    {
        var svg = XDocument.Parse(Render());
        var (x, y) = Map.Project(104.9160, 11.5564);

        var phnomPenh = Bounds(ProvincePath(svg, "12"));
        var siemReap = Bounds(ProvincePath(svg, "17"));

        Assert.InRange(x, phnomPenh.MinX, phnomPenh.MaxX);
        Assert.InRange(y, phnomPenh.MinY, phnomPenh.MaxY);
        Assert.False(x >= siemReap.MinX && x <= siemReap.MaxX && y >= siemReap.MinY && y <= siemReap.MaxY);
        Assert.True(siemReap.MaxY < phnomPenh.MinY, "Siem Reap is drawn north of Phnom Penh");
    }

    [Fact]
    public void Provinces_are_coloured_by_their_class_and_provinces_without_reports_stay_grey()
    {
        var counts = new ProvinceCounts(new Dictionary<string, int> { ["12"] = 10, ["17"] = 1, ["13"] = 6 });

        var svg = XDocument.Parse(Render(counts));

        Assert.Equal("#253494", Fill(svg, "12"));
        Assert.Equal("#ffffcc", Fill(svg, "17"));
        Assert.Equal("#41b6c4", Fill(svg, "13"));
        Assert.Equal(ChoroplethScale.ZeroColour, Fill(svg, "01"));
        var legend = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend");
        Assert.Equal(["Reports by province", "0", "1–2", "3–4", "5–6", "7–8", "9–10"], legend.Elements(Svg + "text").Select(t => t.Value));
    }

    [Theory]
    [InlineData(0, new[] { 0, 1, 2, 3, 4, 5 })]
    [InlineData(2, new[] { 0, 1, 2, 3, 4, 5 })]
    [InlineData(100, new[] { 0, 20, 40, 60, 80, 100 })]
    [InlineData(7, new[] { 0, 2, 3, 5, 6, 7 })]
    public void The_scale_has_a_zero_class_and_five_classes_reaching_the_largest_count(int max, int[] upperBounds)
    {
        var scale = new ChoroplethScale(max);

        Assert.Equal(upperBounds, scale.Classes.Select(c => c.To));
        Assert.All(scale.Classes.Skip(1).Zip(scale.Classes), pair => Assert.Equal(pair.Second.To + 1, pair.First.From));
        Assert.Equal(6, scale.Classes.Select(c => c.Colour).Distinct().Count());
    }

    [Fact]
    public void The_concession_layer_shows_mines_and_land_concessions_only_when_asked()
    {
        Concession[] concessions =
        [
            new() { Id = "mining-1", Kind = ConcessionKind.Mining, Name = "Gold & Co mine", Company = "Gold & Co", SourceFields = "{}",
                Geometry = """{"type":"Polygon","coordinates":[[[104.8,13.8],[104.9,13.8],[104.9,13.9],[104.8,13.8]]]}""" },
            new() { Id = "elc-point-1", Kind = ConcessionKind.EconomicLand, Name = "Rubber plantation", Company = "Plantation Ltd", SourceFields = "{}",
                Geometry = """{"type":"Point","coordinates":[106.9,13.7]}""" },
            new() { Id = "oil-gas-1", Kind = ConcessionKind.OilAndGas, Name = "Block A", SourceFields = "{}",
                Geometry = """{"type":"Polygon","coordinates":[[[103,10],[103.5,10],[103.5,10.5],[103,10]]]}""" },
        ];

        var without = XDocument.Parse(Render());
        var with = XDocument.Parse(Render(concessions: concessions));

        Assert.DoesNotContain(without.Descendants(), e => (string?)e.Attribute("class") is "concessions" or "mining" or "land");
        var mine = with.Descendants(Svg + "path").Single(p => (string?)p.Attribute("class") == "mining");
        Assert.Equal("Gold & Co mine (Gold & Co)", mine.Element(Svg + "title")!.Value);
        Assert.Equal("url(#hatch-mining)", (string)mine.Attribute("fill")!);
        var land = with.Descendants(Svg + "circle").Single(p => (string?)p.Attribute("class") == "land");
        Assert.Equal("Rubber plantation (Plantation Ltd)", land.Element(Svg + "title")!.Value);
        Assert.DoesNotContain("Block A", with.ToString());
        Assert.Contains(with.Descendants(Svg + "text"), t => t.Value == "Mining concession");
    }

    [Fact]
    public void District_outlines_are_an_optional_layer()
    {
        var without = XDocument.Parse(Render());
        var with = XDocument.Parse(Render(districts: true));

        Assert.DoesNotContain(without.Descendants(Svg + "path"), p => (string?)p.Attribute("class") == "districts");
        var districts = with.Descendants(Svg + "path").Single(p => (string?)p.Attribute("class") == "districts");
        Assert.True(Regex.Count((string)districts.Attribute("d")!, "M") >= 197, "a ring at least for each of the 197 districts");
    }

    [Fact]
    public void Every_path_is_valid_SVG_path_data_even_where_a_tiny_ring_shrinks_to_a_point()
    {
        Concession[] tiny =
        [
            new() { Id = "mining-2", Kind = ConcessionKind.Mining, Name = "Tiny", SourceFields = "{}",
                Geometry = """{"type":"MultiPolygon","coordinates":[[[[104.8,13.8],[104.8001,13.8],[104.8001,13.8001],[104.8,13.8]]],[[[105,13],[105.2,13],[105.2,13.2],[105,13]]]]}""" },
        ];

        var svg = XDocument.Parse(Render(concessions: tiny, districts: true));

        var paths = svg.Descendants(Svg + "path").Where(p => p.Parent!.Name != Svg + "pattern").Select(p => (string?)p.Attribute("d")).OfType<string>().ToList();
        Assert.True(paths.Count > 25);
        Assert.All(paths, d => Assert.Matches(PathGrammar(), d));
    }

    [Fact]
    public void A_map_given_the_outlines_addresses_draws_every_outline_from_there_with_the_same_colours_links_and_names()
    {
        var counts = new ProvinceCounts(new Dictionary<string, int> { ["12"] = 10, ["17"] = 1 });
        var standing = XDocument.Parse(Render(counts, districts: true));

        var drawn = XDocument.Parse(Map.Render(new MapContent(counts, code => $"/places/{code}")
            { Districts = true, Outlines = new MapOutlines("/provinces.svg?v=1", "/districts.svg?v=1") }));
        var shapes = new[] { Map.ProvinceOutlines, Map.DistrictOutlines }.SelectMany(o => XDocument.Parse(o).Descendants(Svg + "path"))
            .ToDictionary(p => (string)p.Attribute("id")!, p => (string)p.Attribute("d")!);

        Assert.DoesNotContain(drawn.Descendants(Svg + "path"), p => p.Parent!.Name != Svg + "pattern");
        foreach (var link in standing.Descendants(Svg + "a"))
        {
            var code = (string)link.Attribute("data-code")!;
            var use = drawn.Descendants(Svg + "a").Single(a => (string)a.Attribute("data-code")! == code).Element(Svg + "use")!;
            Assert.Equal($"/provinces.svg?v=1#province-{code}", (string)use.Attribute("href")!);
            Assert.Equal(ProvincePath(standing, code), shapes[$"province-{code}"]);
            Assert.Equal(Fill(standing, code), (string)use.Attribute("fill")!);
            Assert.Equal(link.Descendants(Svg + "title").Single().Value, use.Element(Svg + "title")!.Value);
        }
        var districts = drawn.Descendants(Svg + "use").Single(u => (string?)u.Attribute("class") == "districts");
        Assert.Equal("/districts.svg?v=1#districts", (string)districts.Attribute("href")!);
        Assert.Equal((string)standing.Descendants(Svg + "path").Single(p => (string?)p.Attribute("class") == "districts").Attribute("d")!, shapes["districts"]);
    }

    [Fact]
    public void Province_names_given_by_the_caller_are_escaped()
    {
        var svg = Map.Render(new MapContent(ProvinceCounts.None, code => $"/places?code={code}&x=1") { ProvinceName = code => code == "12" ? "ភ្នំពេញ <&>" : null });

        var document = XDocument.Parse(svg);
        Assert.Contains(document.Descendants(Svg + "title"), t => t.Value == "ភ្នំពេញ <&>: 0");
        Assert.Contains(document.Descendants(Svg + "a"), a => (string)a.Attribute("href")! == "/places?code=12&x=1");
    }

    private static string ProvincePath(XDocument svg, string code) =>
        (string)svg.Descendants(Svg + "a").Single(a => (string)a.Attribute("data-code")! == code).Element(Svg + "path")!.Attribute("d")!;

    private static string Fill(XDocument svg, string code) =>
        (string)svg.Descendants(Svg + "a").Single(a => (string)a.Attribute("data-code")! == code).Element(Svg + "path")!.Attribute("fill")!;

    /// <summary>The bounding box of path data written as "M x y l dx dy … z" rings.</summary>
    private static (double MinX, double MinY, double MaxX, double MaxY) Bounds(string d)
    {
        var points = new List<(double X, double Y)>();
        foreach (Match ring in RingPattern().Matches(d))
        {
            var numbers = NumberPattern().Matches(ring.Groups[1].Value + " " + ring.Groups[2].Value)
                .Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
            var (x, y) = (numbers[0], numbers[1]);
            points.Add((x, y));
            for (var i = 2; i + 1 < numbers.Count; i += 2)
            {
                (x, y) = (x + numbers[i], y + numbers[i + 1]);
                points.Add((x, y));
            }
        }
        return (points.Min(p => p.X), points.Min(p => p.Y), points.Max(p => p.X), points.Max(p => p.Y));
    }

    private const string Number = @"-?(\d+(\.\d+)?|\.\d+)";

    [GeneratedRegex($"^(M{Number}( ?{Number})(l{Number}( ?{Number})*)?z)+$")]
    private static partial Regex PathGrammar();

    [GeneratedRegex("M([^l]*)l([^z]*)z")]
    private static partial Regex RingPattern();

    [GeneratedRegex(@"-?(\d+\.?\d*|\.\d+)")]
    private static partial Regex NumberPattern();
}
