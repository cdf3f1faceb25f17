using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace Spean.Core.Taxonomies;

/// <summary>
/// Reads Open Development Cambodia's 2014 concession files. Mines, oil and gas blocks and economic zones
/// are keyed by ODC's map_id. The land-concession files carry no usable id (Id is 0 on every row, OBJECTID
/// repeats), so their key is the feature's position in the frozen 2014 file.
/// </summary>
internal static class ConcessionFiles
{
    public const string Mining = "odc_mining_concessions_2014.geojson";
    public const string EconomicLand = "odc_elc_complete_2014_wgs84.geojson";
    public const string EconomicLandPoints = "odc_elc_partial_points_2014_wgs84.geojson";
    public const string OilAndGas = "odc_oil_gas_blocks_2014.geojson";
    public const string EconomicZones = "odc_special_economic_zones_2014.csv";

    /// <summary>Spellings in the ODC files that differ from the gazetteer's English names.</summary>
    private static readonly Dictionary<string, string> ProvinceAliases = new()
    {
        ["ratanakkiri"] = "16",
        ["mundulkiri"] = "11",
        ["modulkiri"] = "11",
        ["preachsihanouk"] = "18",
        ["preachsihaknok"] = "18",
        ["preachvihear"] = "13",
        ["kampongspue"] = "05",
    };

    /// <param name="provinceCodes">Gazetteer province codes by English name.</param>
    public static IEnumerable<Concession> Read(string directory, IReadOnlyDictionary<string, string> provinceCodes)
    {
        var byKey = provinceCodes.ToDictionary(p => Key(p.Key), p => p.Value);
        foreach (var (key, code) in ProvinceAliases) byKey.TryAdd(key, code);
        List<string> Codes(string? names) => SplitProvinces(names).Select(n => byKey.GetValueOrDefault(Key(n))).OfType<string>().Distinct().ToList();

        foreach (var (f, geometry, _) in Features(directory, Mining))
            yield return new Concession
            {
                Id = $"mining-{f.Text("map_id")}", Kind = ConcessionKind.Mining,
                Name = f.Text("min_name") ?? $"Mining concession {f.Text("map_id")}",
                Company = f.Text("min_name"), InvestorCountry = f.Text("in_country"), Purpose = f.Text("commodity"),
                Provinces = f.Text("province"), ProvinceCodes = Codes(f.Text("province")),
                District = f.Text("district"), Commune = f.Text("commune"), Hectares = Number(f.Text("con_size_h")),
                ContractDate = Date(f.Text("con_date")), DurationYears = Years(f.Text("duration")), Status = f.Text("min_status"),
                DataClass = f.Text("data_class"), Reference = f.Text("reference"), Geometry = geometry, SourceFields = f.Json,
            };
        foreach (var file in new[] { EconomicLand, EconomicLandPoints })
        {
            var prefix = file == EconomicLand ? "elc" : "elc-point";
            foreach (var (f, geometry, position) in Features(directory, file))
                yield return new Concession
                {
                    Id = $"{prefix}-{position}", Kind = ConcessionKind.EconomicLand,
                    Name = f.Text("Name") ?? $"Economic land concession ({f.Text("Purpose") ?? f.Text("Provinces")})",
                    Company = f.Text("Name"), InvestorCountry = f.Text("Nation"), Purpose = f.Text("Purpose"),
                    Provinces = f.Text("Provinces"), ProvinceCodes = Codes(f.Text("Provinces")),
                    District = f.Text("District"), Commune = f.Text("Commune"), Hectares = Number(f.Text("Hectares")),
                    ContractDate = Date(f.Text("Contract")), DurationYears = Years(f.Text("Duration")),
                    Status = f.Text("Cancelled") is null ? null : "Cancelled",
                    DataClass = f.Text("Tiers"), Reference = f.Text("References"), Geometry = geometry, SourceFields = f.Json,
                };
        }
        foreach (var (f, geometry, _) in Features(directory, OilAndGas))
            yield return new Concession
            {
                Id = $"oil-gas-{f.Text("map_id")}", Kind = ConcessionKind.OilAndGas,
                Name = f.Text("block") ?? $"Block {f.Text("map_id")}", Company = f.Text("operator"), Purpose = f.Text("rig_type"),
                Hectares = Number(f.Text("ssize_skm")) * 100, Status = f.Text("status"),
                Reference = f.Text("reference"), Geometry = geometry, SourceFields = f.Json,
            };
        foreach (var row in CsvRows(directory, EconomicZones))
        {
            var point = Number(row.Text("lon")) is { } lon && Number(row.Text("lat")) is { } lat
                ? string.Create(CultureInfo.InvariantCulture, $$"""{"type":"Point","coordinates":[{{lon}},{{lat}}]}""")
                : null;
            yield return new Concession
            {
                Id = $"sez-{row.Text("map_id")}", Kind = ConcessionKind.SpecialEconomicZone,
                Name = row.Text("name") ?? $"Special economic zone {row.Text("map_id")}", Company = row.Text("developer"),
                Provinces = row.Text("province"), ProvinceCodes = Codes(row.Text("province")),
                District = row.Text("district"), Commune = row.Text("commune"), Hectares = Number(row.Text("landarea_h")),
                ContractDate = Date(row.Text("date_sub")), Status = row.Text("cur_status"),
                Reference = row.Text("reference"), Geometry = point, SourceFields = row.Json,
            };
        }
    }

    private static IEnumerable<(Fields Fields, string? Geometry, int Position)> Features(string directory, string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, file)));
        var position = 0;
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var properties = feature.GetProperty("properties");
            var values = properties.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Null => null,
                _ => p.Value.GetRawText(),
            });
            var geometry = feature.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object ? g.GetRawText() : null;
            yield return (new Fields(values, properties.GetRawText()), geometry, ++position);
        }
    }

    private static IEnumerable<Fields> CsvRows(string directory, string file)
    {
        using var reader = new StreamReader(Path.Combine(directory, file));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (csv.Read())
        {
            var values = header.Select((name, i) => (name, value: csv.GetField(i))).ToDictionary(f => f.name, f => f.value);
            yield return new Fields(values, JsonSerializer.Serialize(values));
        }
    }

    private sealed record Fields(IReadOnlyDictionary<string, string?> Values, string Json)
    {
        /// <summary>The trimmed value, or null where the source says nothing ("Not found", empty).</summary>
        public string? Text(string name) =>
            Values.GetValueOrDefault(name)?.Trim() is { Length: > 0 } value && value != "Not found" ? value : null;
    }

    private static string[] SplitProvinces(string? names) =>
        (names ?? "").Replace(" and ", ";", StringComparison.Ordinal)
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Key(string name) => new([.. name.ToLowerInvariant().Where(char.IsAsciiLetterLower)]);

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;

    private static int? Years(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.TrimEnd('Z'), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : null;
}
