namespace Spean.Core.Implementation;

/// <summary>
/// The one rule for which assessment speaks for a recommendation (scorecards, the mid-term report, recurrence):
/// the current consolidated one where there is one, otherwise the most recent current one of any organisation
/// (latest <see cref="Assessment.AsOf"/>, then <see cref="Assessment.RecordedAt"/>, then id).
/// </summary>
public static class CountingAssessment
{
    /// <summary>The assessment that speaks for each recommendation: the coalition's where there is one, else the latest.</summary>
    /// <param name="assessments">Any assessments; only current ones are considered.</param>
    /// <param name="publishedOnly">True for visitors who are not signed in: the same rule over published assessments only.</param>
    public static IQueryable<Assessment> Of(IQueryable<Assessment> assessments, bool publishedOnly)
    {
        var current = assessments.Where(a => a.IsCurrent && (!publishedOnly || a.Published));
        return current.Where(a => !current.Any(b => b.RecommendationId == a.RecommendationId && b.Id != a.Id
            && (
                (b.Consolidated && !a.Consolidated)
                || (b.Consolidated == a.Consolidated
                    && (b.AsOf > a.AsOf
                        || (b.AsOf == a.AsOf && (b.RecordedAt > a.RecordedAt
                            || (b.RecordedAt == a.RecordedAt && b.Id.CompareTo(a.Id) > 0))))))));
    }
}
