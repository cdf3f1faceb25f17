using Spean.Core.Auditing;
using Spean.Core.Stakeholders.Engagements;
using Spean.Core.Stakeholders.Register;
using Spean.Core.Stakeholders.Relationships;

namespace Spean.Core.Stakeholders;

/// <summary>
/// What the audit trail shows of the register: ids, kinds, levels, confidentiality and dates, so who changed what can be
/// followed; never a name, a place, a contact detail, a subject or what was agreed, since the trail's readers include
/// administrators who may not see a Restricted record (and contact details are in no trail at all).
/// </summary>
internal sealed class StakeholdersAudit : IAuditedModule
{
    public IReadOnlyDictionary<Type, AuditedEntity> Decisions { get; } = new Dictionary<Type, AuditedEntity>
    {
        [typeof(Stakeholder)] = AuditedEntity.Of<Stakeholder>(
            ["Id", "Kind", "Level", "Confidentiality", "OrganisationId", "CreatedById", "UpdatedAt"],
            ["NameLatin", "NameKhmer", "AdminUnitCode", "CountryIso3", "ConcessionIds", "Tags", "ReaderIds", "ExternalId",
                "EncryptedPhone", "EncryptedEmail", "EncryptedAddress", "EncryptedMessaging", "EncryptedNotes"],
            (s, _) => ValueTask.FromResult<Guid?>(s.OrganisationId)),
        [typeof(StakeholderNameKey)] = AuditedEntity.Of<StakeholderNameKey>(["Id", "StakeholderId"], ["Key"],
            (k, owners) => owners.LookUpAsync<Stakeholder>(k.StakeholderId, s => s.OrganisationId)),
        [typeof(Position)] = AuditedEntity.Of<Position>(["Id", "PersonId", "OrganisationId", "From", "To"], ["TitleEn", "TitleKm"],
            (p, owners) => owners.LookUpAsync<Stakeholder>(p.PersonId, s => s.OrganisationId)),
        [typeof(Relationship)] = AuditedEntity.Of<Relationship>(["Id", "FromId", "ToId", "Type", "OrganisationId", "CreatedById", "CreatedAt"], [],
            (r, _) => ValueTask.FromResult<Guid?>(r.OrganisationId)),
        [typeof(Engagement)] = AuditedEntity.Of<Engagement>(
            ["Id", "Kind", "Date", "Confidentiality", "OwnerOrganisationId", "AuthorId", "RecordedAt"],
            ["Subject", "Topics", "ParticipantIds", "OrganisationIds", "RecommendationIds", "ReportIds", "CampaignIds", "EncryptedAgreed", "ReaderIds"],
            (e, _) => ValueTask.FromResult<Guid?>(e.OwnerOrganisationId)),
        [typeof(FollowUp)] = AuditedEntity.Of<FollowUp>(["Id", "EngagementId", "OwnerId", "Due", "DoneAt"], ["Action"],
            (f, owners) => owners.LookUpAsync<Engagement>(f.EngagementId, e => e.OwnerOrganisationId)),
    };
}
