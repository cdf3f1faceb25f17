using Spean.Core.Auditing;
using Spean.Core.Monitoring.Reports;
using Spean.Core.Monitoring.People;
using Spean.Core.Monitoring.Evidence;

namespace Spean.Core.Monitoring;

/// <summary>
/// What the audit trail shows of reports, their people, evidence and custody: ids, status and confidentiality, never a
/// title, place, person or file name. Every entry belongs to the report's organisation.
/// </summary>
internal sealed class MonitoringAudit : IAuditedModule
{
    public IReadOnlyDictionary<Type, AuditedEntity> Decisions { get; } = new Dictionary<Type, AuditedEntity>
    {
        [typeof(Report)] = AuditedEntity.Of<Report>(
            ["Id", "ClientId", "Status", "Confidentiality", "OrganisationId", "AuthorId", "ReportedAt"],
            ["Title", "Narrative", "Category", "OccurredFrom", "OccurredTo", "AdminUnitCode", "CountryIso3", "Province", "Latitude", "Longitude", "AffectedWomen",
                "AffectedMen", "AffectedGirls", "AffectedBoys", "AffectedUnknown", "SourceKind", "MediaLinks", "Tags", "ConcessionIds",
                "RecommendationIds", "ReaderIds", "SearchText"],
            (r, _) => ValueTask.FromResult<Guid?>(r.OrganisationId)),
        [typeof(StatusChange)] = AuditedEntity.Of<StatusChange>(["Id", "ReportId", "From", "To", "ById", "By", "At"], ["Reason"],
            (c, owners) => OfReportAsync(owners, c.ReportId)),
        [typeof(ReportPerson)] = AuditedEntity.Of<ReportPerson>(["Id", "ReportId"],
            ["ClientId", "Role", "Sex", "AgeGroup", "EncryptedName", "EncryptedContact", "EncryptedNotes"],
            (p, owners) => OfReportAsync(owners, p.ReportId)),
        [typeof(EvidenceFile)] = AuditedEntity.Of<EvidenceFile>(
            ["Id", "ReportId", "ContentType", "Size", "UploadedById", "UploadedBy", "UploadedAt"],
            ["ClientUploadId", "EncryptedOriginalName", "Sha256", "StoredName", "CapturedAt", "Latitude", "Longitude", "Device"],
            (f, owners) => OfReportAsync(owners, f.ReportId)),
        [typeof(CustodyEntry)] = AuditedEntity.Of<CustodyEntry>(["Id", "FileId", "Sequence", "Action", "UserId", "Who", "At"],
            ["Detail", "PreviousHash", "EntryHash"],
            async (c, owners) => await owners.LookUpAsync<EvidenceFile>(c.FileId, f => f.ReportId) is { } reportId
                ? await OfReportAsync(owners, reportId)
                : null),
    };

    private static ValueTask<Guid?> OfReportAsync(AuditOwners owners, Guid reportId) =>
        owners.LookUpAsync<Report>(reportId, r => r.OrganisationId);
}
