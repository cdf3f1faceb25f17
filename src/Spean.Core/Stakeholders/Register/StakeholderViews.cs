using Spean.Core.Monitoring.Reports;

namespace Spean.Core.Stakeholders.Register;

public sealed record StakeholderSummary(
    Guid Id, StakeholderKind Kind, StakeholderLevel? Level, string NameLatin, string? NameKhmer, string? AdminUnitCode, Confidentiality Confidentiality);

/// <param name="Person">The holder; null when the viewer may not see them ("a restricted contact").</param>
/// <param name="Organisation">Where the post is; null when the viewer may not see it.</param>
public sealed record PositionView(
    Guid Id, StakeholderSummary? Person, StakeholderSummary? Organisation, string TitleEn, string? TitleKm, DateOnly? From, DateOnly? To)
{
    public bool Current => To is null;
}

/// <param name="Contacts">Null when the viewer may not see contact details.</param>
public sealed record StakeholderView(
    StakeholderSummary Summary, string? Place, string? PlaceKm, string? CountryIso3, string? Country, IReadOnlyList<string> ConcessionIds,
    IReadOnlyList<string> Tags, IReadOnlyList<Guid> ReaderIds, ContactDetails? Contacts, bool CanEdit, IReadOnlyList<PositionView> Positions, DateTime UpdatedAt);

public sealed record StakeholderQuery(
    string? Text = null, StakeholderKind? Kind = null, StakeholderLevel? Level = null, string? Place = null, string? Tag = null, bool? People = null,
    int Page = 1, int PageSize = 50);

/// <summary>A page of the register; <see cref="Total"/> counts only what the viewer may see.</summary>
/// <param name="MoreThanTotal">A name search matched more than <see cref="StakeholderRegister.CountCap"/>, which is then the <see cref="Total"/>.</param>
public sealed record StakeholderResults(IReadOnlyList<StakeholderSummary> Items, int Total, int Page, int PageSize, bool MoreThanTotal = false);
