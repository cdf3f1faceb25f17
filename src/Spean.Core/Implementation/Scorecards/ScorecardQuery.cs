using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Recommendations;

namespace Spean.Core.Implementation.Scorecards;

/// <summary>The recommendation fields a scorecard and a mid-term report group by, with the status that counts for it.</summary>
public sealed record AssessedRecommendation(
    Guid Id, string Text, string? TextKm, RecommendationResponse Response, int? ActionCategory, string? Paragraph,
    IReadOnlyList<string> Issues, IReadOnlyList<RecommendingState> RecommendingStates, ImplementationStatus? Status, Assessment? Counting)
{
    /// <summary>OHCHR's themes where the recommendation came from a matrix.</summary>
    public IReadOnlyList<string> OhchrThemes { get; init; } = [];
}

/// <summary>Computes scorecards: the cycle's recommendations and the assessments that count for them (picked in memory), and the cycle before's responses and statuses alone for the comparison; counted in memory.</summary>
public sealed class ScorecardQuery(SpeanDbContext db)
{
    /// <param name="publishedOnly">The public scorecard: only published assessments count; the rest is "not yet assessed".</param>
    /// <param name="recommendingIso3">Only what this State recommended (the view an embassy is lobbied with).</param>
    /// <returns>Null when the State received no recommendation in that cycle.</returns>
    public async Task<Scorecard?> ForAsync(string stateIso3, int cycle, bool publishedOnly, string? recommendingIso3 = null,
        CancellationToken cancellationToken = default)
    {
        var recommendations = await AssessedAsync(stateIso3, cycle, publishedOnly, recommendingIso3, withAssessment: false, cancellationToken);
        if (recommendations.Count == 0) return null;
        var previous = cycle > 1 ? await TotalsOnlyAsync(stateIso3, cycle - 1, publishedOnly, recommendingIso3, cancellationToken) : null;
        return new Scorecard(stateIso3, cycle, publishedOnly, recommendingIso3, Totals(cycle, recommendations), previous,
            Breakdown(recommendations, r => r.Issues.Count == 0 ? [Scorecard.None] : r.Issues),
            Breakdown(recommendations, r => r.RecommendingStates.Select(s => s.CountryIso3 ?? s.Name).Distinct()),
            Breakdown(recommendations, r => [r.ActionCategory?.ToString(CultureInfo.InvariantCulture) ?? Scorecard.None]));
    }

    /// <summary>
    /// Every supported or noted recommendation of the State in the cycle, with the assessment that counts for it.
    /// Without <paramref name="withAssessment"/> the assessment carries only its status (no narrative is read).
    /// </summary>
    public async Task<List<AssessedRecommendation>> AssessedAsync(string stateIso3, int cycle, bool publishedOnly, string? recommendingIso3,
        bool withAssessment, CancellationToken cancellationToken = default)
    {
        var rows = await Responded(stateIso3, cycle, recommendingIso3)
            .Select(r => new
            {
                r.Id, r.Text, r.TextKm, r.Response, r.ActionCategory, r.Paragraph,
                Issues = r.Issues.Select(i => i.Issue).ToList(),
                Themes = r.OhchrThemes.Select(t => t.Theme).ToList(),
                States = r.RecommendingStates.ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        if (rows.Count == 0) return [];

        var winners = await CountingAsync([.. rows.Select(r => r.Id)], publishedOnly, cancellationToken);
        var winnerIds = winners.Values.Select(w => w.Id).ToList();
        var full = withAssessment
            ? await db.Assessments.AsNoTracking().Where(a => winnerIds.Contains(a.Id)).ToDictionaryAsync(a => a.RecommendationId, cancellationToken)
            : [];

        return rows.Select(r => new AssessedRecommendation(r.Id, r.Text, r.TextKm, r.Response, r.ActionCategory, r.Paragraph,
                r.Issues.Order(StringComparer.Ordinal).ToList(), r.States, winners.GetValueOrDefault(r.Id)?.Status, full.GetValueOrDefault(r.Id))
                { OhchrThemes = r.Themes })
            .OrderBy(r => r.Paragraph is null).ThenBy(r => r.Paragraph, ParagraphOrder.Instance).ThenBy(r => r.Text, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The comparison with the cycle before needs only each recommendation's response and counting status.</summary>
    private async Task<CycleTotals?> TotalsOnlyAsync(string stateIso3, int cycle, bool publishedOnly, string? recommendingIso3,
        CancellationToken cancellationToken)
    {
        var rows = await Responded(stateIso3, cycle, recommendingIso3).Select(r => new { r.Id, r.Response }).ToListAsync(cancellationToken);
        if (rows.Count == 0) return null;
        var winners = await CountingAsync([.. rows.Select(r => r.Id)], publishedOnly, cancellationToken);
        return Totals(cycle, [.. rows.Select(r => new AssessedRecommendation(r.Id, "", null, r.Response, null, null, [], [],
            winners.GetValueOrDefault(r.Id)?.Status, null))]);
    }

    private IQueryable<Recommendation> Responded(string stateIso3, int cycle, string? recommendingIso3)
    {
        stateIso3 = stateIso3.ToUpperInvariant();
        recommendingIso3 = recommendingIso3?.ToUpperInvariant();
        var recommendations = db.Recommendations.AsNoTracking()
            .Where(r => r.StateUnderReviewIso3 == stateIso3 && r.Cycle == cycle && r.Response != RecommendationResponse.Pending);
        if (recommendingIso3 is null) return recommendations;
        // An uncorrelated IN (…) that SQLite runs once, rather than an EXISTS per recommendation in each split query.
        var recommendedBy = db.Set<RecommendingState>().Where(s => s.CountryIso3 == recommendingIso3).Select(s => s.RecommendationId);
        return recommendations.Where(r => recommendedBy.Contains(r.Id));
    }

    private sealed record CountingRow(Guid Id, Guid RecommendationId, bool Consolidated, DateOnly AsOf, DateTime RecordedAt, ImplementationStatus Status);

    private async Task<Dictionary<Guid, CountingRow>> CountingAsync(List<Guid> ids, bool publishedOnly, CancellationToken cancellationToken)
    {
        var current = await db.Assessments.AsNoTracking()
            .Where(a => ids.Contains(a.RecommendationId) && a.IsCurrent && (!publishedOnly || a.Published))
            .Select(a => new CountingRow(a.Id, a.RecommendationId, a.Consolidated, a.AsOf, a.RecordedAt, a.Status))
            .ToListAsync(cancellationToken);
        return CountingAssessmentRows.Pick(current, a => a.RecommendationId, a => a.Consolidated, a => a.AsOf, a => a.RecordedAt, a => a.Id);
    }

    private static CycleTotals Totals(int cycle, List<AssessedRecommendation> recommendations)
    {
        var row = Breakdown(recommendations, _ => [""]).Single();
        return new CycleTotals(cycle, row.Supported, row.Noted);
    }

    private static List<ScorecardRow> Breakdown(List<AssessedRecommendation> recommendations, Func<AssessedRecommendation, IEnumerable<string>> keys)
    {
        var tallies = new Dictionary<string, (int[] Supported, int[] Noted)>(StringComparer.Ordinal);
        foreach (var recommendation in recommendations)
        {
            var column = (int)Scorecard.Column(recommendation.Status);
            foreach (var key in keys(recommendation))
            {
                if (!tallies.TryGetValue(key, out var tally)) tallies[key] = tally = (new int[5], new int[5]);
                (recommendation.Response == RecommendationResponse.Supported ? tally.Supported : tally.Noted)[column]++;
            }
        }
        return tallies
            .Select(t => new ScorecardRow(t.Key, StatusCounts.Of(t.Value.Supported), StatusCounts.Of(t.Value.Noted)))
            .OrderBy(r => r.Key == Scorecard.None).ThenByDescending(r => r.All.Total).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>"118.2" before "118.10": paragraph numbers compare part by part, as numbers.</summary>
    private sealed class ParagraphOrder : IComparer<string?>
    {
        public static readonly ParagraphOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? "").Split('.');
            var b = (y ?? "").Split('.');
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var byNumber = int.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && int.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? m.CompareTo(n) : string.CompareOrdinal(a[i], b[i]);
                if (byNumber != 0) return byNumber;
            }
            return a.Length.CompareTo(b.Length);
        }
    }
}
