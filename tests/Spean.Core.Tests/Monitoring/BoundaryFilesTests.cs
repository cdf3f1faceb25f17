using System.IO.Compression;
using System.Text.Json;

namespace Spean.Core.Tests.Monitoring;

/// <summary>The map's boundary files as shipped: light enough for a phone on a weak connection, and joinable to the gazetteer.</summary>
public sealed class BoundaryFilesTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "data", "boundaries");

    [Theory]
    [InlineData("cambodia_provinces_adm1.geojson", 25, 100_000)]
    [InlineData("cambodia_districts_adm2.geojson", 197, 150_000)]
    public void Each_file_has_every_unit_with_closed_rings_and_stays_small_when_gzipped(string file, int units, int maxGzipBytes)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, file));
        using var document = JsonDocument.Parse(bytes);
        var features = document.RootElement.GetProperty("features").EnumerateArray().ToList();

        Assert.Equal(units, features.Count);
        Assert.All(features.SelectMany(f => Rings(f.GetProperty("geometry"))), ring =>
        {
            Assert.True(ring.Count >= 4, "a ring needs at least four positions");
            Assert.Equal(ring[0], ring[^1]);
        });
        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        Assert.InRange(gzipped.Length, 1, maxGzipBytes);
    }

    [Fact]
    public void Provinces_carry_the_gazetteer_codes_KH_1_to_KH_25()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, "cambodia_provinces_adm1.geojson")));

        var codes = document.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("shapeISO").GetString()).Order().ToList();

        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"KH-{i}").Order(), codes);
    }

    private static IEnumerable<List<(double, double)>> Rings(JsonElement geometry)
    {
        var polygons = geometry.GetProperty("type").GetString() == "Polygon"
            ? [geometry.GetProperty("coordinates")]
            : geometry.GetProperty("coordinates").EnumerateArray().ToList();
        return polygons.SelectMany(p => p.EnumerateArray())
            .Select(ring => ring.EnumerateArray().Select(position => (position[0].GetDouble(), position[1].GetDouble())).ToList());
    }
}
