namespace Spean.Core.Taxonomies;

public enum SdgLevel
{
    Goal,
    Target,
    Indicator,
}

/// <summary>An SDG goal, target or indicator, keyed by its dotted code ("1", "1.a", "1.1.1").</summary>
public sealed class SdgItem
{
    public required string Code { get; init; }
    public required SdgLevel Level { get; set; }
    public required int Goal { get; set; }
    public string? ParentCode { get; set; }
    public required int SortOrder { get; set; }
    public string? ShortEn { get; set; }
    public string? ShortKm { get; set; }
    public required string TitleEn { get; set; }
    public required string TitleKm { get; set; }
}
