namespace Spean.Core.Taxonomies;

public enum RegionalGroup
{
    African,
    AsiaPacific,
    EasternEuropean,
    LatinAmericanAndCaribbean,
    WesternEuropeanAndOthers,
}

public sealed class Country
{
    public required string Iso3 { get; init; }
    public required string Iso2 { get; set; }
    public required string M49 { get; set; }
    public required string Name { get; set; }
    public required string NameKm { get; set; }
    public required string OfficialName { get; set; }
    public bool UnMember { get; set; }
    public RegionalGroup? RegionalGroup { get; set; }
    public List<OrganisationMembership> Memberships { get; init; } = [];
}

/// <summary>An intergovernmental organisation a State belongs to (ASEAN, EU, OIC, ...).</summary>
public sealed class IntergovernmentalOrganisation
{
    public required string Code { get; init; }
    public required string NameEn { get; set; }
    public required string NameKm { get; set; }
}

public sealed class OrganisationMembership
{
    public required string CountryIso3 { get; init; }
    public required string OrganisationCode { get; init; }
}

public enum Treaty
{
    ClusterMunitions,
    MineBan,
}

public sealed class TreatyMembership
{
    public required Treaty Treaty { get; init; }
    public required string CountryIso3 { get; init; }
    public required string Status { get; set; }
    public string? Left { get; set; }

    /// <summary>Dates from the depositary's record; the shipped lists have none, a treaty import adds them.</summary>
    public DateOnly? SignedOn { get; set; }

    /// <summary>Ratification, acceptance, approval or accession.</summary>
    public DateOnly? JoinedOn { get; set; }
    public DateOnly? InForceOn { get; set; }
}
