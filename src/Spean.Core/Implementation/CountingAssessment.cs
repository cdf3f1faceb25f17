namespace Spean.Core.Implementation;

/// <summary>The one rule for which assessment counts for a recommendation: scorecards, the mid-term report and recurrence all use it.</summary>
public static class CountingAssessment
{
    /// The assessment that speaks for each recommendation: the coalition's where there is one, else the latest.
    public static IQueryable<Assessment> Of(IQueryable<Assessment> assessments, bool publishedOnly)
    {
        var pool = assessments.Where(a => a.IsCurrent && (!publishedOnly || a.Published));
        return pool.Where(a =>
            (a.Consolidated || !pool.Any(c => c.RecommendationId == a.RecommendationId && c.Consolidated))
            && !pool.Any(b => b.RecommendationId == a.RecommendationId && b.Consolidated == a.Consolidated && b.Id != a.Id
                && (b.AsOf > a.AsOf || (b.AsOf == a.AsOf && b.RecordedAt > a.RecordedAt))));
    }

    /// <summary>
    /// The same rule over current rows already loaded (<paramref name="current"/> must hold only IsCurrent rows, and only
    /// published ones for the public version): SQLite runs the correlated subqueries of <see cref="Of"/> per row, which
    /// costs a scorecard of 3,000 assessments a quarter of a second; a few thousand small rows pick in a millisecond.
    /// </summary>
    public static Dictionary<Guid, T> Pick<T>(IEnumerable<T> current, Func<T, Guid> recommendationId, Func<T, bool> consolidated,
        Func<T, DateOnly> asOf, Func<T, DateTime> recordedAt, Func<T, Guid> id) =>
        current.GroupBy(recommendationId).ToDictionary(g => g.Key, g => g
            .OrderByDescending(consolidated).ThenByDescending(asOf).ThenByDescending(recordedAt).ThenByDescending(id).First());
}
