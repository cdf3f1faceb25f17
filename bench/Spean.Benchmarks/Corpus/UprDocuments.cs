using System.Globalization;

namespace Spean.Core.Recommendations.Search.Upr;

/// <summary>Maps UPR Info rows to index documents with the field names the app uses.</summary>
public static class UprDocuments
{
    public static readonly string[] Fields =
    [
        "sur", "recommending", "surGroup", "recommendingGroup", "surOrg", "recommendingOrg",
        "session", "cycle", "response", "action", "issue", "sdg",
    ];

    // Illustrative only (the export has no SDG column): gives the benchmark a twelfth, multi-valued field.
    private static readonly Dictionary<string, string> SdgByIssue = new()
    {
        ["Poverty"] = "1", ["Right to food"] = "2", ["Right to health"] = "3", ["HIV - Aids"] = "3",
        ["Right to education"] = "4", ["Women's rights"] = "5", ["Right to water"] = "6", ["Labour"] = "8",
        ["Development"] = "8", ["Racial discrimination"] = "10", ["Migrants"] = "10", ["Minorities"] = "10",
        ["Right to housing"] = "11", ["Environment"] = "13", ["Right to land"] = "15", ["Justice"] = "16",
        ["Corruption"] = "16", ["Torture and other CID treatment"] = "16", ["Impunity"] = "16",
        ["Technical assistance and cooperation"] = "17",
    };

    public static Guid IdFor(int ordinal) => new(ordinal, 0x5ea2, 0x4c0d, 0x9a, 0x1e, 0, 0, 0, 0, 0, 1);

    public static RecommendationDocument ToDocument(UprInfoRow row, int ordinal, string? khmer = null)
    {
        var facets = new Dictionary<string, IReadOnlyList<string>>
        {
            ["sur"] = [row.StateUnderReview],
            ["recommending"] = [row.RecommendingState],
            ["surGroup"] = [row.StateUnderReviewGroup],
            ["recommendingGroup"] = [row.RecommendingGroup],
            ["surOrg"] = row.StateUnderReviewOrganisations,
            ["recommendingOrg"] = row.RecommendingOrganisations,
            ["session"] = [row.Session.ToString(CultureInfo.InvariantCulture)],
            ["cycle"] = [row.Cycle.ToString(CultureInfo.InvariantCulture)],
            ["response"] = [row.Response],
            ["action"] = [row.ActionCategory?.ToString(CultureInfo.InvariantCulture) ?? ""],
            ["issue"] = row.Issues,
            ["sdg"] = row.Issues.Where(SdgByIssue.ContainsKey).Select(i => SdgByIssue[i]).Distinct().ToArray(),
        };
        return new(IdFor(ordinal), row.Text, khmer, row.Session, ordinal, facets);
    }

    /// <summary>The test stand-in for a Khmer dictionary segmenter: splits on whitespace and U+200B.</summary>
    public static IEnumerable<string> SplitKhmer(string text) =>
        text.Split([' ', '\t', '\n', '\r', '\u200B'], StringSplitOptions.RemoveEmptyEntries);
}
