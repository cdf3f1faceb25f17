using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Web.Tests.Infrastructure;
using Spean.Core.Taxonomies;

namespace Spean.Web.Tests.Monitoring;

/// <summary>The 2014 concessions loaded on first start, as a report will link to them.</summary>
public abstract class ConcessionTests(SpeanApp app)
{
    [Fact]
    public async Task Every_mine_land_concession_oil_block_and_economic_zone_of_the_2014_files_is_loaded()
    {
        var counts = await app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>().Concessions
            .GroupBy(c => c.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));

        Assert.Equal(164, counts[ConcessionKind.Mining]);
        Assert.Equal(225 + 134, counts[ConcessionKind.EconomicLand]);
        Assert.Equal(29, counts[ConcessionKind.OilAndGas]);
        Assert.Equal(29, counts[ConcessionKind.SpecialEconomicZone]);
    }

    [Fact]
    public async Task Mines_in_Preah_Vihear_are_found_by_the_gazetteer_code_whatever_ODC_spelling()
    {
        var (preahVihear, mondulkiri, unmatched) = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            var all = await db.Concessions.AsNoTracking().ToListAsync();
            var byCode = await db.Concessions.Where(c => c.Kind == ConcessionKind.Mining && c.ProvinceCodes.Contains("13")).ToListAsync();
            return (byCode, all.Where(c => c.ProvinceCodes.Contains("11")).ToList(), all.Where(c => c.Provinces is not null && c.ProvinceCodes.Count == 0).ToList());
        });

        Assert.Equal(42, preahVihear.Count);
        Assert.Contains(preahVihear, c => c.Id == "mining-199" && c.Company == "Wuhan Steel (50%)" && c.Purpose == "Iron Ore");
        Assert.Contains(mondulkiri, c => c.Provinces == "Mundul kiri");
        Assert.Contains(mondulkiri, c => c.Provinces == "Mondul Kiri");
        Assert.Empty(unmatched.Select(c => c.Provinces));
    }

    [Fact]
    public async Task Geometry_is_GeoJSON_inside_Cambodia_and_every_source_field_is_kept()
    {
        var concessions = await app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>().Concessions.AsNoTracking().ToListAsync());

        Assert.All(concessions, c =>
        {
            using var geometry = JsonDocument.Parse(c.Geometry!);
            Assert.Matches("^(Point|Polygon|MultiPolygon)$", geometry.RootElement.GetProperty("type").GetString());
            var first = FirstPosition(geometry.RootElement.GetProperty("coordinates"));
            Assert.InRange(first.Longitude, 101.5, 108.0);
            Assert.InRange(first.Latitude, 8.5, 15.0);
        });
        var camland = concessions.Single(c => c.Id == "elc-1");
        Assert.Equal(("Camland Co., Ltd (Region I)", "Oil Palms", 5643.0, new DateOnly(2000, 10, 26), 70), (camland.Name, camland.Purpose, camland.Hectares, camland.ContractDate, camland.DurationYears));
        using var fields = JsonDocument.Parse(camland.SourceFields);
        Assert.Equal("Camland__21.06.2011.pdf", fields.RootElement.GetProperty("References").GetString());
    }

    private static (double Longitude, double Latitude) FirstPosition(JsonElement coordinates) =>
        coordinates[0].ValueKind == JsonValueKind.Number
            ? (coordinates[0].GetDouble(), coordinates[1].GetDouble())
            : FirstPosition(coordinates[0]);
}

[Collection(nameof(SqliteApp))]
public sealed class SqliteConcessionTests(SqliteApp app) : ConcessionTests(app);

[Collection(nameof(PostgresApp))]
public sealed class PostgresConcessionTests(PostgresApp app) : ConcessionTests(app);
