using Spean.Core.Auditing;

namespace Spean.Core.Implementation;

/// <summary>
/// What the audit trail shows of assessments: who assessed what, how and when, never the narrative; of their evidence only
/// its kind, since a linked report's id would tell the trail's readers that a Restricted report exists.
/// </summary>
internal sealed class ImplementationAudit : IAuditedModule
{
    public IReadOnlyDictionary<Type, AuditedEntity> Decisions { get; } = new Dictionary<Type, AuditedEntity>
    {
        [typeof(Assessment)] = AuditedEntity.Of<Assessment>(
            ["Id", "RecommendationId", "OrganisationId", "Consolidated", "Status", "AsOf", "Published", "AuthorId", "Author", "RecordedAt",
                "PreviousId", "IsCurrent"],
            ["NarrativeEn", "NarrativeKm"],
            (a, _) => ValueTask.FromResult<Guid?>(a.OrganisationId)),
        [typeof(AssessmentEvidence)] = AuditedEntity.Of<AssessmentEvidence>(["Id", "AssessmentId", "Kind"], ["ReportId", "Url", "Title", "Date"],
            (e, owners) => owners.LookUpAsync<Assessment>(e.AssessmentId, a => a.OrganisationId)),
    };
}
