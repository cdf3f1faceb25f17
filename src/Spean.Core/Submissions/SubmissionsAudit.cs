using Spean.Core.Auditing;
using Spean.Core.Submissions.Drafting;

namespace Spean.Core.Submissions;

/// <summary>
/// A draft is read by its signatories only, and the trail by administrators of the owning organisation (and the network's):
/// so the trail shows who did what to which submission and when, never the text, descriptions, comments, footnotes or the
/// field reports a paragraph cites (a report id would tell that a report exists). Entries belong to the lead organisation.
/// </summary>
internal sealed class SubmissionsAudit : IAuditedModule
{
    public IReadOnlyDictionary<Type, AuditedEntity> Decisions { get; } = new Dictionary<Type, AuditedEntity>
    {
        [typeof(Submission)] = AuditedEntity.Of<Submission>(
            ["Id", "StateIso3", "UprReviewId", "Kind", "LeadOrganisationId", "Status", "CreatedAt", "CreatedById", "SentAt", "PublishedAt"], ["Title"],
            (s, _) => ValueTask.FromResult<Guid?>(s.LeadOrganisationId)),
        [typeof(Signatory)] = AuditedEntity.Of<Signatory>(
            ["Id", "SubmissionId", "OrganisationId", "Status", "InvitedAt", "SignedAt", "WithdrawnAt"], ["DescriptionEn", "DescriptionKm"],
            (s, owners) => owners.LookUpAsync<Submission>(s.SubmissionId, x => x.LeadOrganisationId)),
        [typeof(Cluster)] = AuditedEntity.Of<Cluster>(
            ["Id", "SubmissionId", "Number", "LeadOrganisationId", "MemberOrganisationIds"], ["NameEn", "NameKm"],
            (c, owners) => owners.LookUpAsync<Submission>(c.SubmissionId, x => x.LeadOrganisationId)),
        [typeof(Paragraph)] = AuditedEntity.Of<Paragraph>(
            ["Id", "ClusterId", "Kind", "Position", "Version", "RecommendationIds", "UpdatedAt", "UpdatedById", "UpdatedBy"],
            ["TextEn", "TextKm", "ReportIds"]),
        [typeof(ParagraphSource)] = AuditedEntity.Of<ParagraphSource>(["Id", "ParagraphId", "Order"], ["Text", "Url"]),
        [typeof(ParagraphVersion)] = AuditedEntity.Of<ParagraphVersion>(["Id", "ParagraphId", "Version", "AuthorId", "Author", "SavedAt"],
            ["TextEn", "TextKm", "Sources"]),
        [typeof(ParagraphComment)] = AuditedEntity.Of<ParagraphComment>(["Id", "ParagraphId", "ParentId", "AuthorId", "Author", "CreatedAt"], ["Text"]),
    };
}
