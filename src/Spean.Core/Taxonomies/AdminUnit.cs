namespace Spean.Core.Taxonomies;

public enum AdminLevel
{
    Province,
    District,
    Commune,
    Village,
}

/// <summary>A unit of Cambodia's gazetteer, keyed by its NCDD code (2 digits a level).</summary>
public sealed class AdminUnit
{
    public required string Code { get; init; }
    public required AdminLevel Level { get; set; }
    public required string NameKm { get; set; }
    public required string NameLatin { get; set; }
    public required string TypeKm { get; set; }
    public required string TypeEn { get; set; }
    /// <summary>The unit directly above; null for a province, and only for one.</summary>
    public string? ParentCode { get; set; }
    public required string ProvinceCode { get; set; }
}
