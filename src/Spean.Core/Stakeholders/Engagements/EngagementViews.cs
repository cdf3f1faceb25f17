using Spean.Core.Monitoring.Reports;
using Spean.Core.Stakeholders.Register;

namespace Spean.Core.Stakeholders.Engagements;

public enum EngagementProblem
{
    NotFound,
    MayNotRecord,
    MayNotEdit,
    UnknownKind,
    DateRequired,
    SubjectRequired,
    UnknownConfidentiality,
    UnknownParticipant,
    UnknownReport,
    UnknownRecommendation,
    UnknownCampaign,
    UnknownReader,
    ActionRequired,
    UnknownOwner,
    OwnerMayNotSee,
    DueRequired,
    FollowUpNotFound,
}

public sealed record FollowUpInput(string? Action, Guid? OwnerId, DateOnly? Due);

public sealed record EngagementInput(
    string? Kind, DateOnly? Date, string? Subject, IReadOnlyList<string>? Topics = null, IReadOnlyList<Guid>? ParticipantIds = null,
    IReadOnlyList<Guid>? OrganisationIds = null, IReadOnlyList<Guid>? RecommendationIds = null, IReadOnlyList<Guid>? ReportIds = null,
    IReadOnlyList<Guid>? CampaignIds = null, string? Agreed = null, string? Confidentiality = null, IReadOnlyList<Guid>? ReaderIds = null,
    IReadOnlyList<FollowUpInput>? FollowUps = null);

/// <summary>A participant as the viewer may see them: a stakeholder they may not see is only "a restricted contact", without id or name.</summary>
public sealed record ParticipantView(StakeholderSummary? Stakeholder)
{
    public bool Restricted => Stakeholder is null;
}

public sealed record LinkedReportView(Guid Id, string Title, DateOnly OccurredFrom);

public sealed record FollowUpView(Guid Id, Guid EngagementId, string Subject, string Action, Guid OwnerId, string Owner, DateOnly Due, DateTime? DoneAt)
{
    public bool Done => DoneAt is not null;
}

/// <param name="Agreed">Null for visitors who are not signed in.</param>
/// <param name="Reports">Only the linked reports the viewer may see; the others are left out, not counted.</param>
public sealed record EngagementView(
    Guid Id, EngagementKind Kind, DateOnly Date, string Subject, IReadOnlyList<string> Topics, IReadOnlyList<ParticipantView> Participants,
    IReadOnlyList<ParticipantView> Organisations, IReadOnlyList<Guid> RecommendationIds, IReadOnlyList<LinkedReportView> Reports,
    IReadOnlyList<Guid> CampaignIds, string? Agreed, Confidentiality Confidentiality, string? Author, DateTime RecordedAt,
    IReadOnlyList<FollowUpView> FollowUps, bool CanEdit);
