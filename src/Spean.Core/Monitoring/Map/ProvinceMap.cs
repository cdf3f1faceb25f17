using System.Globalization;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Spean.Core.Taxonomies;

namespace Spean.Core.Monitoring.Map;

/// <summary>Words the map shows in its legend, in the reader's language.</summary>
internal sealed record MapLegend(string Title, string Mining, string Land)
{
    public static MapLegend English { get; } = new("Reports by province", "Mining concession", "Economic land concession");
}

/// <summary>What to draw: the counts, where each province links to, and the optional layers.</summary>
internal sealed record MapContent(ProvinceCounts Counts, Func<string, string> ProvinceLink)
{
    /// <summary>The province's name in the reader's language; the boundary file's Latin name when null.</summary>
    public Func<string, string?> ProvinceName { get; init; } = _ => null;
    public MapLegend Legend { get; init; } = MapLegend.English;
    public bool Districts { get; init; }

    /// <summary>The concession layer from <see cref="ProvinceMap.ConcessionLayer"/>; none when null.</summary>
    public string? Concessions { get; init; }

    /// <summary>
    /// Where the browser finds the outlines (<see cref="ProvinceMap.ProvinceOutlines"/>, <see cref="ProvinceMap.DistrictOutlines"/>):
    /// the map then draws them from there, kept in the browser's cache, instead of carrying them in every page. Null for a map
    /// that must stand alone (a file a script downloads).
    /// </summary>
    public MapOutlines? Outlines { get; init; }
}

/// <summary>The addresses of the province and the district outlines.</summary>
internal sealed record MapOutlines(string Provinces, string Districts);

/// <summary>
/// Draws Cambodia as a server-side SVG from the shipped boundaries, so the map needs no tile server and no
/// internet. Equirectangular projection scaled by the cosine of the middle latitude: between 10° and 15° N the
/// east-west scale strays about 1% from the middle, which no reader notices.
/// </summary>
internal sealed class ProvinceMap
{
    public const double Width = 800;
    private const double Margin = 4;
    private const double LegendRow = 22;
    private const string MiningColour = "#762a83";
    private const string LandColour = "#1b7837";

    private readonly double minLon, maxLat, scale, cosLat;
    private readonly List<(string Code, string Name, string Path)> provinces;
    private readonly string districtPaths;
    private readonly double mapHeight;

    /// <summary>Every province's outline as an SVG path a map refers to by its id, "province-" and the code (<see cref="MapContent.Outlines"/>).</summary>
    public string ProvinceOutlines { get; }

    /// <summary>The outlines of the districts as one SVG path, id "districts": the map shows them only when asked.</summary>
    public string DistrictOutlines { get; }

    /// <summary>Changes when the outlines do, so that an address holding it can be cached for good.</summary>
    public string OutlinesVersion { get; }

    public ProvinceMap(CambodiaBoundaries boundaries)
    {
        var positions = boundaries.Provinces.SelectMany(p => p.Polygons).SelectMany(p => p).SelectMany(r => r).ToList();
        minLon = positions.Min(p => p.Lon);
        maxLat = positions.Max(p => p.Lat);
        var (maxLon, minLat) = (positions.Max(p => p.Lon), positions.Min(p => p.Lat));
        cosLat = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        scale = (Width - 2 * Margin) / ((maxLon - minLon) * cosLat);
        mapHeight = (maxLat - minLat) * scale + 2 * Margin;

        provinces = boundaries.Provinces.Where(p => p.Code is not null)
            .Select(p => (p.Code!, p.Name, PathData(p.Polygons, minStep: 0))).OrderBy(p => p.Item1, StringComparer.Ordinal).ToList();
        districtPaths = string.Concat(boundaries.Districts.Select(d => PathData(d.Polygons, minStep: 1)));
        ProvinceOutlines = Outlines(string.Concat(provinces.Select(p => $"""<path id="province-{p.Code}" d="{p.Path}"/>""")));
        DistrictOutlines = Outlines($"""<path id="districts" d="{districtPaths}"/>""");
        OutlinesVersion = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ProvinceOutlines + DistrictOutlines)))[..12];
    }

    public (double X, double Y) Project(double lon, double lat) =>
        (Margin + (lon - minLon) * cosLat * scale, Margin + (maxLat - lat) * scale);

    public string Render(MapContent content)
    {
        var scaleClasses = new ChoroplethScale(content.Counts.Max);
        var legendRows = content.Concessions is null ? 1 : 2;
        var height = mapHeight + 8 + legendRows * LegendRow;
        var svg = new StringBuilder(200_000);
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SvgPath.Format(Width)} {SvgPath.Format(height)}" class="province-map" font-family="sans-serif" font-size="12">""");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Text(content.Legend.Title)}</title>");

        svg.Append("""<g class="provinces" stroke="#888" stroke-width=".6" stroke-linejoin="round">""");
        foreach (var (code, boundaryName, path) in provinces)
        {
            var count = content.Counts[code];
            var name = content.ProvinceName(code) ?? boundaryName;
            var (shape, end) = content.Outlines is { } outlines ? ($"""<use href="{Text(outlines.Provinces)}#province-{code}" """, "</use>") : ($"""<path d="{path}" """, "</path>");
            svg.Append(CultureInfo.InvariantCulture, $"""<a href="{Text(content.ProvinceLink(code))}" data-code="{code}">{shape}fill="{scaleClasses.ClassOf(count).Colour}"><title>{Text(name)}: {count}</title>{end}</a>""");
        }
        svg.Append("</g>");

        if (content.Districts)
            svg.Append(content.Outlines is { } outlines
                ? $"""<use class="districts" href="{Text(outlines.Districts)}#districts" fill="none" stroke="#555" stroke-width=".3" pointer-events="none"/>"""
                : $"""<path class="districts" d="{districtPaths}" fill="none" stroke="#555" stroke-width=".3" pointer-events="none"/>""");

        svg.Append(content.Concessions);

        AppendLegend(svg, scaleClasses, content);
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The mining and land concessions as an SVG fragment for <see cref="MapContent.Concessions"/>.</summary>
    public string ConcessionLayer(IEnumerable<Concession> concessions)
    {
        var svg = new StringBuilder(200_000);
        svg.Append(CultureInfo.InvariantCulture, $"""<defs>{Hatch("hatch-mining", 45, MiningColour)}{Hatch("hatch-land", -45, LandColour)}</defs>""");
        svg.Append("""<g class="concessions" stroke-width=".8">""");
        foreach (var concession in concessions.Where(c => c.Geometry is not null && c.Kind is ConcessionKind.Mining or ConcessionKind.EconomicLand))
        {
            var mining = concession.Kind == ConcessionKind.Mining;
            var (colour, hatch, kind) = mining ? (MiningColour, "hatch-mining", "mining") : (LandColour, "hatch-land", "land");
            var title = concession.Company is { } company && company != concession.Name ? $"{concession.Name} ({company})" : concession.Name;
            using var geometry = JsonDocument.Parse(concession.Geometry!);
            if (GeoJsonGeometry.Point(geometry.RootElement) is { } point)
            {
                var (x, y) = Project(point.Lon, point.Lat);
                svg.Append(CultureInfo.InvariantCulture, $"""<circle class="{kind}" cx="{SvgPath.Format(x)}" cy="{SvgPath.Format(y)}" r="3" fill="{colour}" stroke="#fff"><title>{Text(title)}</title></circle>""");
            }
            else
            {
                var path = PathData(GeoJsonGeometry.Polygons(geometry.RootElement), minStep: 1);
                svg.Append(CultureInfo.InvariantCulture, $"""<path class="{kind}" d="{path}" fill="url(#{hatch})" stroke="{colour}"><title>{Text(title)}</title></path>""");
            }
        }
        svg.Append("</g>");
        return svg.ToString();
    }

    private void AppendLegend(StringBuilder svg, ChoroplethScale scaleClasses, MapContent content)
    {
        var y = mapHeight + 8;
        svg.Append(CultureInfo.InvariantCulture, $"""<g class="legend" stroke="#555" stroke-width=".5"><text x="{SvgPath.Format(Margin)}" y="{SvgPath.Format(y + 13)}" stroke="none">{Text(content.Legend.Title)}</text>""");
        var x = 210.0;
        foreach (var c in scaleClasses.Classes)
        {
            var label = c.From == c.To ? $"{c.From}" : $"{c.From}–{c.To}";
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{SvgPath.Format(x)}" y="{SvgPath.Format(y + 2)}" width="16" height="14" fill="{c.Colour}"/><text x="{SvgPath.Format(x + 20)}" y="{SvgPath.Format(y + 13)}" stroke="none">{label}</text>""");
            x += 96;
        }
        if (content.Concessions is not null)
        {
            y += LegendRow;
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{SvgPath.Format(Margin)}" y="{SvgPath.Format(y + 2)}" width="16" height="14" fill="url(#hatch-mining)" stroke="{MiningColour}"/><text x="{SvgPath.Format(Margin + 20)}" y="{SvgPath.Format(y + 13)}" stroke="none">{Text(content.Legend.Mining)}</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{SvgPath.Format(Margin + 300)}" y="{SvgPath.Format(y + 2)}" width="16" height="14" fill="url(#hatch-land)" stroke="{LandColour}"/><text x="{SvgPath.Format(Margin + 320)}" y="{SvgPath.Format(y + 13)}" stroke="none">{Text(content.Legend.Land)}</text>""");
        }
        svg.Append("</g>");
    }

    private string PathData(IEnumerable<IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>>> polygons, double minStep)
    {
        var d = new StringBuilder();
        foreach (var ring in polygons.SelectMany(p => p))
            SvgPath.AppendRing(d, ring.Select(p => Project(p.Lon, p.Lat)), minStep);
        return d.ToString();
    }

    private static string Outlines(string paths) => $"""<svg xmlns="http://www.w3.org/2000/svg"><defs>{paths}</defs></svg>""";

    private static string Hatch(string id, int angle, string colour) =>
        $"""<pattern id="{id}" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate({angle})"><path d="M0 0v5" stroke="{colour}" stroke-width="1.6"/></pattern>""";

    private static string Text(string text) => SecurityElement.Escape(text);
}
