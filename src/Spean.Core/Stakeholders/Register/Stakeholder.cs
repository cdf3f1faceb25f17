using Spean.Core.Monitoring.Reports;

namespace Spean.Core.Stakeholders.Register;

public enum StakeholderKind
{
    Person,
    CommuneCouncil,
    DistrictAuthority,
    ProvincialAuthority,
    NationalAuthority,
    Ministry,
    ParliamentaryCommission,
    Embassy,
    UnBody,
    Company,
    CivilSociety,
    Cooperative,
    Media,
    Donor,
    Other,
}

public enum StakeholderLevel
{
    Local,
    Provincial,
    National,
    International,
}

/// <summary>
/// An organisation or a person in the register. Names stay in clear so they can be searched, and are seen only by whom
/// <see cref="StakeholderAccess"/> allows; phone, e-mail, address, messaging handles and notes are stored encrypted
/// (<see cref="StakeholderRegister"/>), since a person here may be a source at risk.
/// </summary>
public sealed class Stakeholder
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required StakeholderKind Kind { get; set; }
    public StakeholderLevel? Level { get; set; }
    public required string NameLatin { get; set; }
    public string? NameKhmer { get; set; }
    public string? AdminUnitCode { get; set; }

    /// <summary>The State an embassy or mission represents.</summary>
    public string? CountryIso3 { get; set; }

    /// <summary>The concessions a company holds.</summary>
    public List<string> ConcessionIds { get; set; } = [];
    public List<string> Tags { get; set; } = [];
    public Confidentiality Confidentiality { get; set; } = Confidentiality.Organisation;
    public required Guid OrganisationId { get; init; }
    public required Guid CreatedById { get; init; }

    /// <summary>Who may read a Restricted record besides the user who made it.</summary>
    public List<Guid> ReaderIds { get; set; } = [];

    /// <summary>The identifier in the file it was imported from, so importing the same file again updates instead of duplicating.</summary>
    public string? ExternalId { get; set; }
    public byte[]? EncryptedPhone { get; set; }
    public byte[]? EncryptedEmail { get; set; }
    public byte[]? EncryptedAddress { get; set; }
    public byte[]? EncryptedMessaging { get; set; }
    public byte[]? EncryptedNotes { get; set; }
    public required DateTime UpdatedAt { get; set; }
    public List<StakeholderNameKey> NameKeys { get; init; } = [];

    public bool IsPerson => Kind == StakeholderKind.Person;
}

/// <summary>One searchable start of a name: each word and the whole name, Latin lower-cased without marks, Khmer as written.</summary>
public sealed class StakeholderNameKey
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid StakeholderId { get; init; }
    public required string Key { get; init; }
}

/// <summary>A person's post in an organisation from a date, until a date or still; earlier holders stay as history.</summary>
public sealed class Position
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid PersonId { get; init; }
    public required Guid OrganisationId { get; init; }
    public required string TitleEn { get; set; }
    public string? TitleKm { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}

/// <summary>Contact details in clear, for those allowed to see them.</summary>
public sealed record ContactDetails(string? Phone = null, string? Email = null, string? Address = null, string? Messaging = null, string? Notes = null)
{
    public static readonly ContactDetails None = new();

    public bool IsEmpty => Phone is null && Email is null && Address is null && Messaging is null && Notes is null;
}
