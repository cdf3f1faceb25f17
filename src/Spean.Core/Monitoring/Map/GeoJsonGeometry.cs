using System.Text.Json;

namespace Spean.Core.Monitoring.Map;

internal static class GeoJsonGeometry
{
    /// <summary>The polygons of a Polygon or MultiPolygon geometry; none for any other type.</summary>
    public static List<IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>>> Polygons(JsonElement geometry)
    {
        var coordinates = geometry.GetProperty("coordinates");
        IEnumerable<JsonElement> polygons = geometry.GetProperty("type").GetString() switch
        {
            "Polygon" => [coordinates],
            "MultiPolygon" => coordinates.EnumerateArray(),
            _ => [],
        };
        return polygons.Select(p => (IReadOnlyList<IReadOnlyList<(double, double)>>)p.EnumerateArray()
            .Select(ring => (IReadOnlyList<(double, double)>)ring.EnumerateArray().Select(Position).ToList()).ToList()).ToList();
    }

    /// <summary>The position of a Point geometry, or null for any other type.</summary>
    public static (double Lon, double Lat)? Point(JsonElement geometry) =>
        geometry.GetProperty("type").GetString() == "Point" ? Position(geometry.GetProperty("coordinates")) : null;

    private static (double, double) Position(JsonElement position) => (position[0].GetDouble(), position[1].GetDouble());
}
