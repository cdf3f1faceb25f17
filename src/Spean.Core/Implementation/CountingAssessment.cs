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
}
