namespace Spean.Core.Stakeholders.Register;

public enum StakeholderProblem
{
    NotFound,
    MayNotAdd,
    MayNotEdit,
    UnknownKind,
    UnknownLevel,
    NameRequired,
    NameTooLong,
    UnknownPlace,
    UnknownCountry,
    UnknownConcession,
    UnknownConfidentiality,
    UnknownReader,
    NotAPerson,
    NotAnOrganisation,
    TitleRequired,
    EndsBeforeStart,
    DuplicateExternalId,
}

/// <summary>A stakeholder as a form, the API or an import row gives it; enums by name, so a wrong name can be told back.</summary>
public sealed record StakeholderInput(
    string? Kind, string? NameLatin, string? NameKhmer = null, string? Level = null, string? AdminUnitCode = null, string? CountryIso3 = null,
    IReadOnlyList<string>? ConcessionIds = null, IReadOnlyList<string>? Tags = null, string? Confidentiality = null,
    IReadOnlyList<Guid>? ReaderIds = null, ContactDetails? Contacts = null, string? ExternalId = null);

public sealed record PositionInput(Guid OrganisationId, string? TitleEn, string? TitleKm = null, DateOnly? From = null, DateOnly? To = null);
