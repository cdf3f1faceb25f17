using System.Globalization;
using System.Text.Json;

namespace Spean.Core.Monitoring.Map;

/// <summary>A province or district outline: one list of rings per polygon, positions as (longitude, latitude).</summary>
internal sealed record Boundary(string? Code, string Name, IReadOnlyList<IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>>> Polygons);

/// <summary>The shipped province and district boundaries, read once; provinces carry the gazetteer code.</summary>
internal sealed class CambodiaBoundaries(IReadOnlyList<Boundary> provinces, IReadOnlyList<Boundary> districts)
{
    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "data", "boundaries");

    public IReadOnlyList<Boundary> Provinces { get; } = provinces;
    public IReadOnlyList<Boundary> Districts { get; } = districts;

    public static CambodiaBoundaries Load(string directory) => new(
        Read(Path.Combine(directory, "cambodia_provinces_adm1.geojson")),
        Read(Path.Combine(directory, "cambodia_districts_adm2.geojson")));

    private static List<Boundary> Read(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        return document.RootElement.GetProperty("features").EnumerateArray().Select(feature =>
        {
            var properties = feature.GetProperty("properties");
            return new Boundary(
                GazetteerCode(properties.GetProperty("shapeISO").GetString()),
                properties.GetProperty("shapeName").GetString() ?? "",
                GeoJsonGeometry.Polygons(feature.GetProperty("geometry")));
        }).ToList();
    }

    /// <summary>geoBoundaries writes "KH-1"; the gazetteer writes "01".</summary>
    private static string? GazetteerCode(string? iso) =>
        iso is ['K', 'H', '-', .. var number] && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n.ToString("00", CultureInfo.InvariantCulture)
            : null;
}
