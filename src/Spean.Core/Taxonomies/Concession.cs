namespace Spean.Core.Taxonomies;

public enum ConcessionKind
{
    Mining,
    EconomicLand,
    OilAndGas,
    SpecialEconomicZone,
}

/// <summary>
/// A 2014 mining licence, economic land concession, oil and gas block or special economic zone from
/// Open Development Cambodia, so reports can name the concession an incident concerns.
/// </summary>
public sealed class Concession
{
    /// <summary>"mining-196", "oil-gas-3", "sez-12", "elc-17", "elc-point-4": see <see cref="ConcessionFiles"/>.</summary>
    public required string Id { get; init; }
    public required ConcessionKind Kind { get; set; }
    public required string Name { get; set; }
    public string? Company { get; set; }
    public string? InvestorCountry { get; set; }

    /// <summary>Commodity for mines, crop or use for land, onshore or offshore for oil and gas.</summary>
    public string? Purpose { get; set; }

    /// <summary>Province names as the source spells them ("Mondul Kiri; Kratie").</summary>
    public string? Provinces { get; set; }

    /// <summary>The gazetteer codes of those provinces, for filtering by place.</summary>
    public List<string> ProvinceCodes { get; set; } = [];
    public string? District { get; set; }
    public string? Commune { get; set; }
    public double? Hectares { get; set; }
    public DateOnly? ContractDate { get; set; }
    public int? DurationYears { get; set; }
    public string? Status { get; set; }

    /// <summary>ODC's confidence: Government Data Complete, Government Data Partial, Secondary Source, Other Data.</summary>
    public string? DataClass { get; set; }
    public string? Reference { get; set; }

    /// <summary>The GeoJSON geometry (WGS84 longitude, latitude), as shipped.</summary>
    public string? Geometry { get; set; }

    /// <summary>Every field of the source row as a JSON object, so nothing the files hold is lost.</summary>
    public required string SourceFields { get; set; }
}
