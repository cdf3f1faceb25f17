using System.Globalization;
using Spean.Core.Exports;

namespace Spean.Core.Recommendations;

/// <summary>
/// Writes recommendations with every field, one row each, as they come: a whole-database export never sits in
/// memory. Several values in one cell (joint recommendations, issues) are separated by "; ".
/// </summary>
public static class RecommendationExport
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "Id", "Text", "Text (Khmer)", "Notes", "State under Review", "Recommending States", "Recommending States (ISO3)",
        "Session", "Cycle", "Review date", "Response", "Action category", "Action category origin", "Issues", "SDG targets",
        "Source document", "Paragraph",
    ];

    public static string FileName(ExportFormat format) => "spean-recommendations." + TableExport.Extension(format);

    /// <returns>The number of recommendations written.</returns>
    public static Task<int> WriteAsync(ExportFormat format, IAsyncEnumerable<Recommendation> rows, Stream output, CancellationToken cancellationToken) =>
        TableExport.WriteAsync(format, "Recommendations", Columns, rows.Select(Values), output, cancellationToken);

    private static object?[] Values(Recommendation r) =>
    [
        r.Id.ToString(), r.Text, r.TextKm, r.Notes, r.StateUnderReviewIso3,
        string.Join("; ", r.RecommendingStates.Select(s => s.Name)),
        string.Join("; ", r.RecommendingStates.Select(s => s.CountryIso3 ?? "")),
        r.Session, r.Cycle, r.ReviewDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Response.ToString(),
        r.ActionCategory, r.ActionCategoryOrigin?.ToString(),
        string.Join("; ", r.Issues.Select(i => i.Issue)), string.Join("; ", r.SdgTargets.Select(t => t.SdgCode)),
        r.SourceDocument, r.Paragraph,
    ];
}
