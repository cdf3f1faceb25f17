using System.Globalization;
using CsvHelper;

namespace Spean.Core.Recommendations;

/// <summary>UPR Info's 54 issues: the words recommendations are tagged with, each with its Khmer name.</summary>
public sealed class IssueThesaurus(IReadOnlyDictionary<string, string> khmerByIssue)
{
    private static readonly Lazy<IssueThesaurus> ShippedThesaurus = new(() => Load(
        Path.Combine(AppContext.BaseDirectory, "data", "upr", "upr_issues.csv")));

    public static IssueThesaurus Shipped => ShippedThesaurus.Value;

    public IEnumerable<string> Issues => khmerByIssue.Keys.Order(StringComparer.Ordinal);

    public bool Contains(string issue) => khmerByIssue.ContainsKey(issue);

    /// <summary>The Khmer name, or the issue itself when it is not in the thesaurus.</summary>
    public string Khmer(string issue) => khmerByIssue.GetValueOrDefault(issue, issue);

    public static IssueThesaurus Load(string path)
    {
        using var csv = new CsvReader(new StreamReader(path), CultureInfo.InvariantCulture);
        return new(csv.GetRecords<Row>().ToDictionary(r => r.issue, r => r.name_km, StringComparer.Ordinal));
    }

#pragma warning disable IDE1006 // named as the file's columns
    private sealed record Row(string issue, string name_km);
#pragma warning restore IDE1006
}
