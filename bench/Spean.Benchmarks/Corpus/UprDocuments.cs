namespace Spean.Core.Recommendations.Search.Upr;

/// <summary>Maps CSV rows to index documents with the field names the app uses.</summary>
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

    public static RecommendationDocument ToDocument(UprRow row, int ordinal, string? khmer = null) =>
        Compose(ordinal, row.Text, khmer, row, row, row);

    /// <summary>Text, response, action and issues from <paramref name="textRow"/>; the state under review and session
    /// from <paramref name="surRow"/>; the recommending state from <paramref name="fromRow"/>.</summary>
    public static RecommendationDocument Compose(int ordinal, string text, string? khmer, UprRow textRow, UprRow surRow, UprRow fromRow)
    {
        var issues = Split(textRow.Issue);
        var facets = new Dictionary<string, IReadOnlyList<string>>
        {
            ["sur"] = [surRow.To],
            ["recommending"] = [fromRow.From],
            ["surGroup"] = [surRow.ToGroup],
            ["recommendingGroup"] = [fromRow.FromGroup],
            ["surOrg"] = Split(surRow.ToOrg),
            ["recommendingOrg"] = Split(fromRow.FromOrg),
            ["session"] = [surRow.Session.ToString()],
            ["cycle"] = [surRow.Cycle.ToString()],
            ["response"] = [textRow.Response],
            ["action"] = [textRow.Action],
            ["issue"] = issues,
            ["sdg"] = issues.Where(SdgByIssue.ContainsKey).Select(i => SdgByIssue[i]).Distinct().ToArray(),
        };
        return new(IdFor(ordinal), text, khmer, surRow.Session, ordinal, facets);
    }

    public static string[] Split(string values) =>
        values.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The test stand-in for a Khmer dictionary segmenter: splits on whitespace and U+200B.</summary>
    public static IEnumerable<string> SplitKhmer(string text) =>
        text.Split([' ', '\t', '\n', '\r', '\u200B'], StringSplitOptions.RemoveEmptyEntries);
}
