using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;
using Spean.Core.Accounts;
using Spean.Core.Monitoring.People;
using Spean.Core.Monitoring.Evidence;

namespace Spean.Web.Monitoring;

/// <param name="Name">The person's name, or a pseudonym for viewers not allowed to see identities.</param>
public sealed record PersonResponse(Guid Id, string Role, string Name, string? Contact, string? Notes, string? Sex, string? AgeGroup);

public sealed record EvidenceResponse(Guid Id, string ContentType, long Size, string Sha256, DateTime UploadedAt, DateTime? CapturedAt, double? Latitude, double? Longitude, string? Device);

/// <summary>An evidence file as the report page shows it; the original name and the custody log only to those who may see identities.</summary>
public sealed record EvidenceFileView(EvidenceFile File, string? OriginalName, IReadOnlyList<CustodyEntry> Custody, ChainCheck? Chain);

public sealed record StatusChangeResponse(string From, string To, string By, DateTime At, string? Reason);

/// <summary>
/// A report as one viewer may read it. Anonymous visitors get the public copy: no people, no evidence, no
/// exact point, no author, readers or history. Others see people by pseudonym unless they may see identities.
/// </summary>
/// <param name="AdminUnitCode">The place in Cambodia's gazetteer; null when the report is located in another country.</param>
/// <param name="CountryIso3">The country the report is located in when not Cambodia (alpha-3); null for Cambodia.</param>
/// <param name="PublicPhotos">For published reports, the addresses of the photos without their metadata; empty otherwise.</param>
/// <param name="PublicFiles">For published reports, every evidence file without its metadata (photos included), with its type; empty otherwise.</param>
public sealed record ReportResponse(
    Guid Id, Guid ClientId, string Title, string Narrative, string Category, DateOnly OccurredFrom, DateOnly? OccurredTo, DateTime ReportedAt,
    string? AdminUnitCode, string? CountryIso3, double? Latitude, double? Longitude, int AffectedWomen, int AffectedMen, int AffectedGirls, int AffectedBoys, int AffectedUnknown,
    string SourceKind, IReadOnlyList<string> MediaLinks, IReadOnlyList<string> Tags, IReadOnlyList<string> ConcessionIds, IReadOnlyList<Guid> RecommendationIds,
    string Confidentiality, string Status, Guid? OrganisationId, Guid? AuthorId, IReadOnlyList<Guid>? ReaderIds, bool IdentitiesShown,
    IReadOnlyList<StatusChangeResponse>? History, IReadOnlyList<PersonResponse>? People, IReadOnlyList<EvidenceResponse>? Evidence,
    IReadOnlyList<string> PublicPhotos, IReadOnlyList<PublicFileResponse> PublicFiles);

public sealed record PublicFileResponse(string Url, string ContentType);

internal sealed class ReportDetails(SpeanDbContext db, ReportPeople people, EvidenceStore store, CustodyLog custody)
{
    public async Task<ReportResponse> ReadAsync(Report report, Viewer viewer, CancellationToken cancellationToken)
    {
        var publicCopy = viewer.IsAnonymous;
        var identities = ReportAccess.CanSeeIdentities(report, viewer);
        List<PersonResponse>? persons = null;
        List<EvidenceResponse>? evidence = null;
        var files = await db.EvidenceFiles.AsNoTracking().Where(f => f.ReportId == report.Id).OrderBy(f => f.UploadedAt).ToListAsync(cancellationToken);
        if (!publicCopy)
        {
            var rows = await db.ReportPeople.AsNoTracking().Where(p => p.ReportId == report.Id).OrderBy(p => p.Id).ToListAsync(cancellationToken);
            persons = rows.Select(p => Person(p, identities)).ToList();
            evidence = files.Select(f => new EvidenceResponse(f.Id, f.ContentType, f.Size, f.Sha256, f.UploadedAt, identities ? f.CapturedAt : null,
                identities ? f.Latitude : null, identities ? f.Longitude : null, identities ? f.Device : null)).ToList();
        }
        var publicFiles = report.Status == ReportStatus.Published
            ? files.Where(PublicCopies.HasPublicCopy).Select(f => new PublicFileResponse(EvidenceApi.PublicCopyPath(report.Id, f.Id), f.ContentType)).ToList()
            : [];
        return new ReportResponse(
            report.Id, report.ClientId, report.Title, report.Narrative, report.Category, report.OccurredFrom, report.OccurredTo, report.ReportedAt,
            report.AdminUnitCode, report.CountryIso3, publicCopy ? null : report.Latitude, publicCopy ? null : report.Longitude,
            report.AffectedWomen, report.AffectedMen, report.AffectedGirls, report.AffectedBoys, report.AffectedUnknown,
            report.SourceKind.ToString(), report.MediaLinks, report.Tags, report.ConcessionIds, report.RecommendationIds,
            report.Confidentiality.ToString(), report.Status.ToString(),
            publicCopy ? null : report.OrganisationId, publicCopy ? null : report.AuthorId, identities ? report.ReaderIds : null, identities,
            publicCopy ? null : report.History.OrderBy(c => c.At).Select(c => new StatusChangeResponse(c.From.ToString(), c.To.ToString(), c.By, c.At, c.Reason)).ToList(),
            persons, evidence, [.. publicFiles.Where(f => f.ContentType.StartsWith("image/", StringComparison.Ordinal)).Select(f => f.Url)], publicFiles);
    }

    /// <summary>Loaded by the page, not by its evidence component: a component's own queries would overlap the page's on the one DbContext.</summary>
    public async Task<List<EvidenceFileView>> ReadEvidenceAsync(Report report, Viewer viewer, CancellationToken cancellationToken)
    {
        var identities = ReportAccess.CanSeeIdentities(report, viewer);
        var files = await db.EvidenceFiles.AsNoTracking().Where(f => f.ReportId == report.Id).OrderBy(f => f.UploadedAt).ToListAsync(cancellationToken);
        var views = new List<EvidenceFileView>();
        foreach (var file in files)
        {
            if (!identities)
            {
                views.Add(new EvidenceFileView(file, null, [], null));
                continue;
            }
            var (entries, chain) = await custody.ReadAsync(file, cancellationToken);
            views.Add(new EvidenceFileView(file, store.OriginalNameOf(file), entries, chain));
        }
        return views;
    }

    public PersonResponse Person(ReportPerson person, bool identities)
    {
        if (!identities)
            return new PersonResponse(person.Id, person.Role.ToString(), people.PseudonymOf(person), null, null, person.Sex?.ToString(), person.AgeGroup?.ToString());
        var details = people.Reveal(person);
        return new PersonResponse(person.Id, details.Role.ToString(), details.Name, details.Contact, details.Notes, details.Sex?.ToString(), details.AgeGroup?.ToString());
    }
}
