using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Monitoring;
using Spean.Core.Monitoring.Reports;

namespace Spean.Web.Monitoring;

/// <param name="Name">The person's name, or a pseudonym for viewers not allowed to see identities.</param>
public sealed record PersonResponse(Guid Id, string Role, string Name, string? Contact, string? Notes, string? Sex, string? AgeGroup);

public sealed record EvidenceResponse(Guid Id, string ContentType, long Size, string Sha256, DateTime UploadedAt, DateTime? CapturedAt, double? Latitude, double? Longitude, string? Device);

public sealed record StatusChangeResponse(string From, string To, string By, DateTime At, string? Reason);

/// <summary>
/// A report as one viewer may read it. Anonymous visitors get the public copy: no people, no evidence, no
/// exact point, no author, readers or history. Others see people by pseudonym unless they may see identities.
/// </summary>
public sealed record ReportResponse(
    Guid Id, Guid ClientId, string Title, string Narrative, string Category, DateOnly OccurredFrom, DateOnly? OccurredTo, DateTime ReportedAt,
    string AdminUnitCode, double? Latitude, double? Longitude, int AffectedWomen, int AffectedMen, int AffectedGirls, int AffectedBoys, int AffectedUnknown,
    string SourceKind, IReadOnlyList<string> MediaLinks, IReadOnlyList<string> Tags, IReadOnlyList<string> ConcessionIds, IReadOnlyList<Guid> RecommendationIds,
    string Confidentiality, string Status, Guid? OrganisationId, Guid? AuthorId, IReadOnlyList<Guid>? ReaderIds, bool IdentitiesShown,
    IReadOnlyList<StatusChangeResponse>? History, IReadOnlyList<PersonResponse>? People, IReadOnlyList<EvidenceResponse>? Evidence);

internal sealed class ReportDetails(SpeanDbContext db, ReportPeople people)
{
    public async Task<ReportResponse> ReadAsync(Report report, Viewer viewer, CancellationToken cancellationToken)
    {
        var publicCopy = viewer.IsAnonymous;
        var identities = ReportAccess.CanSeeIdentities(report, viewer);
        List<PersonResponse>? persons = null;
        List<EvidenceResponse>? evidence = null;
        if (!publicCopy)
        {
            var rows = await db.ReportPeople.AsNoTracking().Where(p => p.ReportId == report.Id).OrderBy(p => p.Id).ToListAsync(cancellationToken);
            persons = rows.Select(p => Person(p, identities)).ToList();
            evidence = await db.EvidenceFiles.AsNoTracking().Where(f => f.ReportId == report.Id).OrderBy(f => f.UploadedAt)
                .Select(f => new EvidenceResponse(f.Id, f.ContentType, f.Size, f.Sha256, f.UploadedAt, f.CapturedAt,
                    identities ? f.Latitude : null, identities ? f.Longitude : null, identities ? f.Device : null))
                .ToListAsync(cancellationToken);
        }
        return new ReportResponse(
            report.Id, report.ClientId, report.Title, report.Narrative, report.Category, report.OccurredFrom, report.OccurredTo, report.ReportedAt,
            report.AdminUnitCode, publicCopy ? null : report.Latitude, publicCopy ? null : report.Longitude,
            report.AffectedWomen, report.AffectedMen, report.AffectedGirls, report.AffectedBoys, report.AffectedUnknown,
            report.SourceKind.ToString(), report.MediaLinks, report.Tags, report.ConcessionIds, report.RecommendationIds,
            report.Confidentiality.ToString(), report.Status.ToString(),
            publicCopy ? null : report.OrganisationId, publicCopy ? null : report.AuthorId, identities ? report.ReaderIds : null, identities,
            publicCopy ? null : report.History.OrderBy(c => c.At).Select(c => new StatusChangeResponse(c.From.ToString(), c.To.ToString(), c.By, c.At, c.Reason)).ToList(),
            persons, evidence);
    }

    public PersonResponse Person(ReportPerson person, bool identities)
    {
        if (!identities)
            return new PersonResponse(person.Id, person.Role.ToString(), people.PseudonymOf(person), null, null, person.Sex?.ToString(), person.AgeGroup?.ToString());
        var details = people.Reveal(person);
        return new PersonResponse(person.Id, details.Role.ToString(), details.Name, details.Contact, details.Notes, details.Sex?.ToString(), details.AgeGroup?.ToString());
    }
}
