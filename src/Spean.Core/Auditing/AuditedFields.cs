using Microsoft.AspNetCore.Identity;
using Spean.Core.Accounts;
using Spean.Core.Monitoring;
using Spean.Core.Monitoring.Reports;
using Spean.Core.Recommendations.Saved;

namespace Spean.Core.Auditing;

/// <summary>Which fields an entity's audit entries show the values of, and which only say changed.</summary>
public sealed record AuditedEntity(IReadOnlySet<string> Values, IReadOnlySet<string> NamesOnly)
{
    /// <summary>Reference data and anything else no one decided on: the trail names the changed fields, never their values.</summary>
    public static readonly AuditedEntity NamesOnlyForAll = new(new HashSet<string>(), new HashSet<string>());

    public bool RecordsValueOf(string property) => Values.Contains(property);
}

/// <summary>
/// The allow-list of audited values. Administrators of a report's own organisation read its audit entries, so a
/// Restricted report's title, place, category, people, reasons and upload ids never enter the trail, for any report;
/// only its ids, status and confidentiality do. A property not listed here shows only that it changed.
/// </summary>
public static class AuditedFields
{
    private static AuditedEntity Entity(string[] values, string[] namesOnly) => new(values.ToHashSet(), namesOnly.ToHashSet());

    public static readonly IReadOnlyDictionary<Type, AuditedEntity> Decisions = new Dictionary<Type, AuditedEntity>
    {
        [typeof(Organisation)] = Entity(["Id", "Name", "NameKm", "CreatedAt"], []),
        [typeof(SpeanUser)] = Entity(
            ["Id", "UserName", "Email", "DisplayName", "Role", "OrganisationId", "CreatedAt", "DisabledAt", "EmailConfirmed",
                "TwoFactorEnabled", "LockoutEnabled", "LockoutEnd", "AccessFailedCount", "PhoneNumberConfirmed"],
            ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "NormalizedUserName", "NormalizedEmail", "PhoneNumber"]),
        [typeof(PersonalAccessToken)] = Entity(["Id", "UserId", "Name", "CreatedAt", "ExpiresAt", "RevokedAt", "Scope"], ["TokenHash", "LastUsedAt"]),
        [typeof(NetworkSettings)] = Entity(["Id", "NetworkName", "RequireTwoFactorForStaff"], []),
        [typeof(Report)] = Entity(
            ["Id", "ClientId", "Status", "Confidentiality", "OrganisationId", "AuthorId", "ReportedAt"],
            ["Title", "Narrative", "Category", "OccurredFrom", "OccurredTo", "AdminUnitCode", "Latitude", "Longitude", "AffectedWomen",
                "AffectedMen", "AffectedGirls", "AffectedBoys", "AffectedUnknown", "SourceKind", "MediaLinks", "Tags", "ConcessionIds",
                "RecommendationIds", "ReaderIds", "SearchText"]),
        [typeof(StatusChange)] = Entity(["Id", "ReportId", "From", "To", "ById", "By", "At"], ["Reason"]),
        [typeof(ReportPerson)] = Entity(["Id", "ReportId"], ["ClientId", "Role", "Sex", "AgeGroup", "EncryptedName", "EncryptedContact", "EncryptedNotes"]),
        [typeof(EvidenceFile)] = Entity(
            ["Id", "ReportId", "ContentType", "Size", "UploadedById", "UploadedBy", "UploadedAt"],
            ["ClientUploadId", "EncryptedOriginalName", "Sha256", "StoredName", "CapturedAt", "Latitude", "Longitude", "Device"]),
        [typeof(CustodyEntry)] = Entity(["Id", "FileId", "Sequence", "Action", "UserId", "Who", "At"], ["Detail", "PreviousHash", "EntryHash"]),
        [typeof(SavedSearch)] = Entity(["Id", "UserId", "CreatedAt"], ["Name", "QueryString"]),
        [typeof(IdentityUserToken<Guid>)] = AuditedEntity.NamesOnlyForAll,
        [typeof(IdentityUserClaim<Guid>)] = AuditedEntity.NamesOnlyForAll,
        [typeof(IdentityUserLogin<Guid>)] = AuditedEntity.NamesOnlyForAll,
    };

    public static AuditedEntity For(Type entityType) => Decisions.GetValueOrDefault(entityType, AuditedEntity.NamesOnlyForAll);
}
