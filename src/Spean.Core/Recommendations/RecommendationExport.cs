using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Exports;
using Spean.Core.Taxonomies;

namespace Spean.Core.Recommendations;

/// <summary>
/// Writes recommendations with every field, one row each, as they come: a whole-database export never sits in
/// memory. Several values in one cell (joint recommendations, issues) are separated by "; ". Both sides' regional
/// groups and organisations come from the reference data the search facets use, so a file filtered by a group
/// shows that group on every row.
/// </summary>
public sealed class RecommendationExport(SpeanDbContext db, RecommendationSearch search)
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "Id", "Text", "Text (Khmer)", "Notes",
        "State under Review", "State under Review (name)", "State under Review regional group", "State under Review organisations",
        "Recommending States", "Recommending States (ISO3)", "Recommending regional groups", "Recommending organisations",
        "Session", "Cycle", "Review date", "Response", "Action category", "Action category origin", "Issues", "Issues (Khmer)", "SDG targets",
        "Source document", "Paragraph",
    ];

    public static string FileName(ExportFormat format) => "spean-recommendations." + TableExport.Extension(format);

    /// <summary>Every recommendation the query matches, in its order; the query must be valid (<see cref="RecommendationSearch.ValidateAsync"/>).</summary>
    /// <returns>The number of recommendations written.</returns>
    public async Task<int> WriteAsync(ExportFormat format, RecommendationQuery query, Stream output, CancellationToken cancellationToken)
    {
        var mapper = await DocumentMapper.LoadAsync(db, cancellationToken);
        var names = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Iso3, c => c.Name, cancellationToken);
        return await TableExport.WriteAsync(format, "Recommendations", Columns,
            search.AllMatchesAsync(query, cancellationToken).Select(r => Values(r, mapper, names)), output, cancellationToken);
    }

    private static object?[] Values(Recommendation r, DocumentMapper mapper, Dictionary<string, string> names)
    {
        var recommending = r.RecommendingStates.Select(s => s.CountryIso3).ToList();
        return
        [
            r.Id.ToString(), r.Text, r.TextKm, r.Notes,
            r.StateUnderReviewIso3, names.GetValueOrDefault(r.StateUnderReviewIso3), mapper.Group(r.StateUnderReviewIso3) is { } group ? GroupName(group) : null,
            Join(mapper.Organisations(r.StateUnderReviewIso3).Order(StringComparer.Ordinal)),
            Join(r.RecommendingStates.Select(s => s.Name)),
            Join(recommending.Select(iso3 => iso3 ?? "")),
            Join(recommending.Select(iso3 => GroupName(mapper.Group(iso3) ?? DocumentMapper.Observer)).Distinct()),
            Join(recommending.SelectMany(mapper.Organisations).Distinct().Order(StringComparer.Ordinal)),
            r.Session, r.Cycle, r.ReviewDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Response.ToString(),
            r.ActionCategory, r.ActionCategoryOrigin?.ToString(),
            Join(r.Issues.Select(i => i.Issue)), Join(r.Issues.Select(i => IssueThesaurus.Shipped.Khmer(i.Issue))),
            Join(r.SdgTargets.Select(t => t.SdgCode)),
            r.SourceDocument, r.Paragraph,
        ];
    }

    /// <summary>"Asia-Pacific Group" for AsiaPacific; "Observer" stays as it is.</summary>
    private static string GroupName(string group) =>
        Enum.TryParse<RegionalGroup>(group, out var known) ? RegionalGroupNames.English(known) : group;

    private static string Join(IEnumerable<string> values) => string.Join("; ", values);
}
