using Spean.Core.Stakeholders.Engagements;
using Spean.Core.Stakeholders.Register;

namespace Spean.Web.Stakeholders;

/// <summary>A stakeholder as another record names it; Restricted: one the caller may not see, with no id, kind or name.</summary>
public sealed record StakeholderRef(bool Restricted, Guid? Id, string? Kind, string? NameLatin, string? NameKhmer)
{
    public static StakeholderRef Of(StakeholderSummary? s) =>
        s is null ? new(true, null, null, null, null) : new(false, s.Id, s.Kind.ToString(), s.NameLatin, s.NameKhmer);
}

public sealed record StakeholderListItem(Guid Id, string Kind, string? Level, string NameLatin, string? NameKhmer, string? AdminUnitCode, string Confidentiality)
{
    public static StakeholderListItem Of(StakeholderSummary s) =>
        new(s.Id, s.Kind.ToString(), s.Level?.ToString(), s.NameLatin, s.NameKhmer, s.AdminUnitCode, s.Confidentiality.ToString());
}

/// <param name="Total">How many stakeholders match that the caller may see; others are not counted.</param>
/// <param name="MoreThanTotal">True when a name search matched more than it counts (1,000): there are more than <c>total</c>.</param>
public sealed record StakeholderListResponse(IReadOnlyList<StakeholderListItem> Items, int Total, int Page, int PageSize, bool MoreThanTotal);

public sealed record ContactsBody(string? Phone = null, string? Email = null, string? Address = null, string? Messaging = null, string? Notes = null);

public sealed record PositionResponse(Guid Id, StakeholderRef Person, StakeholderRef Organisation, string TitleEn, string? TitleKm, DateOnly? From, DateOnly? To, bool Current);

/// <param name="Contacts">Absent for callers who may not see contact details (visitors).</param>
/// <param name="ReaderIds">The named readers of a Restricted record; empty otherwise.</param>
/// <param name="Positions">A person's posts or an organisation's holders, current first, then the history.</param>
public sealed record StakeholderResponse(
    Guid Id, string Kind, string? Level, string NameLatin, string? NameKhmer, string? AdminUnitCode, string? Place, string? PlaceKm,
    string? CountryIso3, string? Country, IReadOnlyList<string> ConcessionIds, IReadOnlyList<string> Tags, string Confidentiality,
    IReadOnlyList<Guid> ReaderIds, ContactsBody? Contacts, bool CanEdit, IReadOnlyList<PositionResponse> Positions, DateTime UpdatedAt)
{
    public static StakeholderResponse Of(StakeholderView v) => new(
        v.Summary.Id, v.Summary.Kind.ToString(), v.Summary.Level?.ToString(), v.Summary.NameLatin, v.Summary.NameKhmer, v.Summary.AdminUnitCode,
        v.Place, v.PlaceKm, v.CountryIso3, v.Country, v.ConcessionIds, v.Tags, v.Summary.Confidentiality.ToString(), v.ReaderIds,
        v.Contacts is { } c ? new ContactsBody(c.Phone, c.Email, c.Address, c.Messaging, c.Notes) : null, v.CanEdit,
        [.. v.Positions.Select(p => new PositionResponse(p.Id, StakeholderRef.Of(p.Person), StakeholderRef.Of(p.Organisation), p.TitleEn, p.TitleKm, p.From, p.To, p.Current))],
        v.UpdatedAt);
}

/// <param name="Kind">Person, CommuneCouncil, DistrictAuthority, ProvincialAuthority, NationalAuthority, Ministry, ParliamentaryCommission, Embassy, UnBody, Company, CivilSociety, Cooperative, Media, Donor or Other.</param>
/// <param name="Level">Local, Provincial, National or International.</param>
/// <param name="AdminUnitCode">A gazetteer code (province, district or commune).</param>
/// <param name="CountryIso3">For an embassy or mission: the State it represents.</param>
/// <param name="Confidentiality">Public, Network, Organisation (the default) or Restricted (a source at risk: only you and the readers you name).</param>
/// <param name="Contacts">Stored encrypted. Left out on a change: the contacts already kept stay.</param>
public sealed record StakeholderRequest(
    string? Kind, string? NameLatin, string? NameKhmer = null, string? Level = null, string? AdminUnitCode = null, string? CountryIso3 = null,
    IReadOnlyList<string>? ConcessionIds = null, IReadOnlyList<string>? Tags = null, string? Confidentiality = null, IReadOnlyList<Guid>? ReaderIds = null,
    ContactsBody? Contacts = null, string? ExternalId = null)
{
    public StakeholderInput Input() => new(Kind, NameLatin, NameKhmer, Level, AdminUnitCode, CountryIso3, ConcessionIds, Tags, Confidentiality, ReaderIds,
        Contacts is { } c ? new ContactDetails(c.Phone, c.Email, c.Address, c.Messaging, c.Notes) : null, ExternalId);
}

public sealed record PositionRequest(Guid OrganisationId, string? TitleEn, string? TitleKm = null, DateOnly? From = null, DateOnly? To = null);

public sealed record EndPositionRequest(DateOnly To);

public sealed record ImportRowErrorResponse(int Line, string Field, string Reason);

public sealed record ImportResponse(int Created, int Updated, IReadOnlyList<ImportRowErrorResponse> Errors);

public sealed record FollowUpResponse(Guid Id, Guid EngagementId, string Subject, string Action, Guid OwnerId, string Owner, DateOnly Due, bool Done, DateTime? DoneAt)
{
    public static FollowUpResponse Of(FollowUpView f) => new(f.Id, f.EngagementId, f.Subject, f.Action, f.OwnerId, f.Owner, f.Due, f.Done, f.DoneAt);
}

public sealed record LinkedReportResponse(Guid Id, string Title, DateOnly OccurredFrom);

/// <param name="Participants">People who took part; one the caller may not see is only marked restricted.</param>
/// <param name="Reports">Only the linked reports the caller may see.</param>
/// <param name="Agreed">What was agreed; absent for visitors.</param>
public sealed record EngagementResponse(
    Guid Id, string Kind, DateOnly Date, string Subject, IReadOnlyList<string> Topics, IReadOnlyList<StakeholderRef> Participants,
    IReadOnlyList<StakeholderRef> Organisations, IReadOnlyList<Guid> RecommendationIds, IReadOnlyList<LinkedReportResponse> Reports,
    IReadOnlyList<Guid> CampaignIds, string? Agreed, string Confidentiality, string? Author, DateTime RecordedAt, IReadOnlyList<FollowUpResponse> FollowUps, bool CanEdit)
{
    public static EngagementResponse Of(EngagementView e) => new(
        e.Id, e.Kind.ToString(), e.Date, e.Subject, e.Topics, [.. e.Participants.Select(p => StakeholderRef.Of(p.Stakeholder))],
        [.. e.Organisations.Select(p => StakeholderRef.Of(p.Stakeholder))], e.RecommendationIds,
        [.. e.Reports.Select(r => new LinkedReportResponse(r.Id, r.Title, r.OccurredFrom))], e.CampaignIds, e.Agreed, e.Confidentiality.ToString(), e.Author,
        e.RecordedAt, [.. e.FollowUps.Select(FollowUpResponse.Of)], e.CanEdit);
}

/// <param name="Engagements">Latest first.</param>
/// <param name="Pending">Follow-ups of those engagements not done yet, soonest due first.</param>
public sealed record StakeholderEngagementsResponse(IReadOnlyList<EngagementResponse> Engagements, IReadOnlyList<FollowUpResponse> Pending);

public sealed record FollowUpRequest(string? Action, Guid? OwnerId, DateOnly? Due)
{
    public FollowUpInput Input() => new(Action, OwnerId, Due);
}

/// <param name="Kind">Meeting, Call, Letter, Event or Statement.</param>
/// <param name="ParticipantIds">People of the register you may see.</param>
/// <param name="OrganisationIds">Organisations of the register you may see.</param>
/// <param name="CampaignIds">Campaigns, by id.</param>
/// <param name="Agreed">What was agreed; stored encrypted.</param>
/// <param name="Confidentiality">Public, Network, Organisation (the default) or Restricted.</param>
public sealed record EngagementRequest(
    string? Kind, DateOnly? Date, string? Subject, IReadOnlyList<string>? Topics = null, IReadOnlyList<Guid>? ParticipantIds = null,
    IReadOnlyList<Guid>? OrganisationIds = null, IReadOnlyList<Guid>? RecommendationIds = null, IReadOnlyList<Guid>? ReportIds = null,
    IReadOnlyList<Guid>? CampaignIds = null, string? Agreed = null, string? Confidentiality = null, IReadOnlyList<Guid>? ReaderIds = null,
    IReadOnlyList<FollowUpRequest>? FollowUps = null)
{
    public EngagementInput Input() => new(Kind, Date, Subject, Topics, ParticipantIds, OrganisationIds, RecommendationIds, ReportIds, CampaignIds, Agreed,
        Confidentiality, ReaderIds, FollowUps?.Select(f => f.Input()).ToList());
}

public sealed record DoneRequest(bool Done);

/// <param name="Type">MemberOf, WorksWith, Funds, ReportsTo or Opposes: "from {type} to".</param>
public sealed record RelationshipRequest(Guid FromId, Guid ToId, string? Type);

public sealed record RelationshipResponse(Guid Id, Guid FromId, Guid ToId, string Type);

public sealed record GraphNode(Guid Id, string Kind, string NameLatin, string? NameKhmer, int Distance);

public sealed record GraphResponse(GraphNode Centre, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<RelationshipResponse> Edges);
