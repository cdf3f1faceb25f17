using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Exports;
using Spean.Core.Taxonomies;
using Spean.Core.Accounts;
using Spean.Core.Monitoring.People;

namespace Spean.Core.Monitoring.Reports;

/// <summary>
/// Writes the reports a viewer may see, one row each with every field, as CSV or Excel. A row holds what the
/// report's page shows the same viewer, except that people named in it are always a pseudonym and a role, never a
/// name or a contact, whoever exports: a file travels further than a page. Anonymous viewers get the public copy,
/// without people, evidence hashes, exact point or organisation.
/// </summary>
public sealed class ReportExport(SpeanDbContext db, ReportSearch search, ReportPeople people)
{
    private const int BatchSize = 500;

    public static readonly IReadOnlyList<string> Columns =
    [
        "Id", "Title", "Narrative", "Category", "Category (Khmer)", "Occurred from", "Occurred to", "Reported at",
        "Place code", "Place", "Place (Khmer)", "Province", "Province (Khmer)", "Country", "Country (Khmer)", "Latitude", "Longitude", "Status", "Confidentiality",
        "Women affected", "Men affected", "Girls affected", "Boys affected", "Sex or age unknown", "People affected",
        "Source", "Media links", "Tags", "Concessions", "Companies", "Recommendations", "Evidence files", "Evidence SHA-256",
        "People named", "Organisation",
    ];

    public static string FileName(ExportFormat format) => "spean-reports." + TableExport.Extension(format);

    /// <returns>The number of reports written.</returns>
    public Task<int> WriteAsync(ExportFormat format, ReportFilter filter, Viewer viewer, Stream output, CancellationToken cancellationToken) =>
        TableExport.WriteAsync(format, "Reports", Columns, RowsAsync(filter, viewer, cancellationToken), output, cancellationToken);

    private async IAsyncEnumerable<object?[]> RowsAsync(ReportFilter filter, Viewer viewer, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var publicCopy = viewer.IsAnonymous;
        var ids = await search.Matching(filter, viewer).OrderByDescending(r => r.OccurredFrom).ThenByDescending(r => r.Id)
            .Select(r => r.Id).ToListAsync(cancellationToken);
        var provinces = await db.AdminUnits.AsNoTracking().Where(u => u.Level == AdminLevel.Province).ToDictionaryAsync(u => u.Code, cancellationToken);
        var concessions = await db.Concessions.AsNoTracking().Select(c => new ConcessionName(c.Id, c.Name, c.Company)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var countries = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Iso3, c => (c.Name, c.NameKm), cancellationToken);

        foreach (var batch in ids.Chunk(BatchSize))
        {
            // Loaded through the same door as the ids, so a row can never be a report the viewer may not see.
            var reports = await search.Matching(filter, viewer).Where(r => batch.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
            var named = (await db.ReportPeople.AsNoTracking().Where(p => batch.Contains(p.ReportId)).OrderBy(p => p.Id).ToListAsync(cancellationToken))
                .ToLookup(p => p.ReportId);
            var evidence = (await db.EvidenceFiles.AsNoTracking().Where(f => batch.Contains(f.ReportId)).OrderBy(f => f.UploadedAt)
                .Select(f => new { f.ReportId, f.Sha256 }).ToListAsync(cancellationToken)).ToLookup(f => f.ReportId, f => f.Sha256);
            var codes = reports.Values.Select(r => r.AdminUnitCode).OfType<string>().Distinct().ToList();
            var places = await db.AdminUnits.AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, cancellationToken);

            foreach (var id in batch)
            {
                if (!reports.TryGetValue(id, out var r)) continue;
                var category = ReportCategories.Find(r.Category);
                var place = r.AdminUnitCode is { } code ? places.GetValueOrDefault(code) : null;
                var province = r.AdminUnitCode is { } inProvince ? provinces.GetValueOrDefault(inProvince[..2]) : null;
                var country = countries.GetValueOrDefault(r.CountryIso3 ?? Report.Cambodia);
                var linked = r.ConcessionIds.Select(c => concessions.GetValueOrDefault(c) ?? new ConcessionName(c, c, null)).ToList();
                yield return
                [
                    r.Id.ToString(), r.Title, r.Narrative, category?.NameEn ?? r.Category, category?.NameKm, Date(r.OccurredFrom), r.OccurredTo is { } to ? Date(to) : null,
                    r.ReportedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC",
                    r.AdminUnitCode, place?.NameLatin, place?.NameKm, province?.NameLatin, province?.NameKm, country.Name, country.NameKm,
                    publicCopy ? null : Coordinate(r.Latitude), publicCopy ? null : Coordinate(r.Longitude), r.Status.ToString(), r.Confidentiality.ToString(),
                    r.AffectedWomen, r.AffectedMen, r.AffectedGirls, r.AffectedBoys, r.AffectedUnknown,
                    r.AffectedWomen + r.AffectedMen + r.AffectedGirls + r.AffectedBoys + r.AffectedUnknown,
                    r.SourceKind.ToString(), Join(r.MediaLinks), Join(r.Tags),
                    Join(linked.Select(c => $"{c.Id}: {c.Name}")), Join(linked.Select(c => c.Company).OfType<string>().Distinct()),
                    Join(r.RecommendationIds.Select(g => g.ToString())), evidence[r.Id].Count(),
                    publicCopy ? null : Join(evidence[r.Id]),
                    publicCopy ? null : Join(named[r.Id].Select(p => $"{people.PseudonymOf(p)} ({p.Role})")),
                    publicCopy ? null : organisations.GetValueOrDefault(r.OrganisationId),
                ];
            }
        }
    }

    private sealed record ConcessionName(string Id, string Name, string? Company);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Coordinate(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Join(IEnumerable<string> values) => string.Join("; ", values);
}
