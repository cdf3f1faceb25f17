namespace Spean.Core.Stakeholders.Import;

/// <summary>The register's CSV columns, the same for import and export, so an exported file imports again.</summary>
public static class StakeholderColumns
{
    public const string ExternalId = "external_id";
    public const string Kind = "kind";
    public const string Level = "level";
    public const string NameLatin = "name_latin";
    public const string NameKhmer = "name_khmer";
    public const string Place = "place";
    public const string Country = "country";
    public const string Concessions = "concessions";
    public const string Tags = "tags";
    public const string Confidentiality = "confidentiality";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string Address = "address";
    public const string Messaging = "messaging";

    /// <summary>Several values in one cell (tags, concessions) are separated by this.</summary>
    public const char Separator = ';';

    public static readonly IReadOnlyList<string> All =
        [ExternalId, Kind, Level, NameLatin, NameKhmer, Place, Country, Concessions, Tags, Confidentiality, Phone, Email, Address, Messaging];
}
