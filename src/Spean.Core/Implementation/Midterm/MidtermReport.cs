using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Implementation.Scorecards;
using Spean.Core.Recommendations;

namespace Spean.Core.Implementation.Midterm;

/// <summary>One line of the matrix, every cell already in the report's language.</summary>
public sealed record MidtermRow(
    string Paragraph, string Recommendation, string RecommendedBy, string Position, string Themes, ScorecardColumn Status,
    string Assessment);

public sealed record MidtermTheme(string Name, IReadOnlyList<MidtermRow> Rows);

/// <summary>
/// A State's supported and noted recommendations of one cycle in the layout of OHCHR's matrix, grouped by theme, with the
/// assessment that counts written into the last column. A recommendation stands under its first theme (in the thesaurus's
/// order) and names all of them in the themes column, as the matrix does.
/// </summary>
public sealed record MidtermReport(string Title, bool PublishedOnly, MidtermLabels Labels, IReadOnlyList<MidtermTheme> Themes)
{
    public int Count => Themes.Sum(t => t.Rows.Count);

    /// <summary>The matrix as one table for CSV and Excel: the theme a row stands under becomes a column of its own.</summary>
    public IReadOnlyList<string> Columns =>
        ["Theme", "Paragraph", Labels.RecommendationHeader, Labels.RecommendedBy, Labels.PositionHeader, Labels.ThemesHeader, "Status", Labels.AssessmentHeader];

    public async IAsyncEnumerable<object?[]> RowsAsync()
    {
        foreach (var theme in Themes)
            foreach (var row in theme.Rows)
                yield return [theme.Name, row.Paragraph, row.Recommendation, row.RecommendedBy, row.Position, row.Themes, row.Status.ToString(), row.Assessment];
        await Task.CompletedTask;
    }
}

public sealed class MidtermReports(SpeanDbContext db, ScorecardQuery scorecards)
{
    /// <returns>Null when the State received no supported or noted recommendation in that cycle.</returns>
    public async Task<MidtermReport?> BuildAsync(string stateIso3, int cycle, bool publishedOnly, MidtermLabels labels,
        CancellationToken cancellationToken = default)
    {
        var recommendations = await scorecards.AssessedAsync(stateIso3, cycle, publishedOnly, null, withAssessment: true, cancellationToken);
        if (recommendations.Count == 0) return null;
        var iso3 = stateIso3.ToUpperInvariant();
        var countries = await db.Countries.AsNoTracking()
            .ToDictionaryAsync(c => c.Iso3, c => labels.IsKhmer ? c.NameKm : c.Name, cancellationToken);
        string Issue(string issue) => labels.IsKhmer ? IssueThesaurus.Shipped.Khmer(issue) : issue;
        string State(RecommendingState s) => s.CountryIso3 is not null && countries.GetValueOrDefault(s.CountryIso3) is { } name ? name : s.Name;

        // A matrix's own themes where the recommendation came from one (they have no Khmer names yet); UPR Info's issues otherwise.
        IReadOnlyList<string> Themes(AssessedRecommendation r) => r.OhchrThemes.Count > 0 ? r.OhchrThemes : [.. r.Issues.Select(Issue)];
        var rows = recommendations.Select(r => (Theme: Themes(r) is [var first, ..] ? first : null, Row: new MidtermRow(
            r.Paragraph ?? "",
            labels.IsKhmer && !string.IsNullOrWhiteSpace(r.TextKm) ? r.TextKm : r.Text,
            string.Join(", ", r.RecommendingStates.Select(State).Order(StringComparer.Ordinal)),
            labels.Position(r.Response),
            string.Join(", ", Themes(r)),
            Scorecard.Column(r.Status),
            Assessment(r.Counting, labels))));
        var themes = rows.GroupBy(r => r.Theme)
            .OrderBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MidtermTheme(g.Key ?? labels.NoTheme, g.Select(r => r.Row).ToList()))
            .ToList();
        var title = string.Format(CultureInfo.InvariantCulture, labels.TitleFormat, countries.GetValueOrDefault(iso3) ?? iso3, cycle);
        return new MidtermReport(title, publishedOnly, labels, themes);
    }

    /// <summary>"Partially implemented (as of 2026-03-01): narrative", the narrative in the report's language where it has one.</summary>
    private static string Assessment(Assessment? assessment, MidtermLabels labels)
    {
        if (assessment is null) return labels.NotYetAssessed;
        var narrative = labels.IsKhmer
            ? (string.IsNullOrWhiteSpace(assessment.NarrativeKm) ? assessment.NarrativeEn : assessment.NarrativeKm)
            : (string.IsNullOrWhiteSpace(assessment.NarrativeEn) ? assessment.NarrativeKm : assessment.NarrativeEn);
        var head = $"{labels.Column(Scorecard.Column(assessment.Status))} ({labels.AsOf} {assessment.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})";
        return string.IsNullOrWhiteSpace(narrative) ? head : $"{head}: {narrative.Trim()}";
    }
}
