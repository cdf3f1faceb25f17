namespace Spean.Core.Monitoring.Map;

/// <summary>
/// Whether a point lies in Cambodia, by the shipped province boundaries: a rectangle around the country
/// takes in Ho Chi Minh City, Phu Quoc and Trat.
/// </summary>
public sealed class CambodiaOutline
{
    /// <summary>About a kilometre: a phone's fix on an island, the coast or the border may fall just outside the drawn line.</summary>
    public const double ToleranceDegrees = 0.01;

    private readonly List<Polygon> polygons;

    internal CambodiaOutline(CambodiaBoundaries boundaries) =>
        polygons = boundaries.Provinces.SelectMany(p => p.Polygons).Select(rings => new Polygon(rings)).ToList();

    public bool Contains(double latitude, double longitude) =>
        polygons.Any(p => p.Contains(longitude, latitude)) || polygons.Any(p => p.IsWithin(ToleranceDegrees, longitude, latitude));

    private sealed class Polygon(IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>> rings)
    {
        private readonly (double West, double South, double East, double North) box = (
            rings[0].Min(p => p.Lon), rings[0].Min(p => p.Lat), rings[0].Max(p => p.Lon), rings[0].Max(p => p.Lat));

        /// <summary>Even-odd over every ring, so a hole is outside.</summary>
        public bool Contains(double x, double y)
        {
            if (x < box.West || x > box.East || y < box.South || y > box.North) return false;
            var inside = false;
            foreach (var ring in rings)
                for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
                {
                    var (a, b) = (ring[i], ring[j]);
                    if ((a.Lat > y) != (b.Lat > y) && x < (b.Lon - a.Lon) * (y - a.Lat) / (b.Lat - a.Lat) + a.Lon)
                        inside = !inside;
                }
            return inside;
        }

        public bool IsWithin(double distance, double x, double y)
        {
            if (x < box.West - distance || x > box.East + distance || y < box.South - distance || y > box.North + distance) return false;
            return rings.Any(ring => Enumerable.Range(0, ring.Count - 1).Any(i => SegmentDistance(ring[i], ring[i + 1], x, y) <= distance));
        }

        private static double SegmentDistance((double Lon, double Lat) a, (double Lon, double Lat) b, double x, double y)
        {
            var (dx, dy) = (b.Lon - a.Lon, b.Lat - a.Lat);
            var length = dx * dx + dy * dy;
            var t = length == 0 ? 0 : Math.Clamp(((x - a.Lon) * dx + (y - a.Lat) * dy) / length, 0, 1);
            return Math.Sqrt(Math.Pow(x - (a.Lon + t * dx), 2) + Math.Pow(y - (a.Lat + t * dy), 2));
        }
    }
}
