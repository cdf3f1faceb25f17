namespace Spean.Core.Implementation;

/// <summary>
/// <see cref="CountingAssessment.Of"/>'s rule over current rows already loaded: SQLite runs Of's correlated subqueries per
/// row, which cost a scorecard of 3,000 assessments a quarter of a second; a few thousand small rows pick in a millisecond.
/// Keep the two in step: coalition first, then the latest as-of date, then the latest recording, then the id.
/// </summary>
public static class CountingAssessmentRows
{
    /// <param name="current">Only IsCurrent rows, and only published ones for the public version.</param>
    public static Dictionary<Guid, T> Pick<T>(IEnumerable<T> current, Func<T, Guid> recommendationId, Func<T, bool> consolidated,
        Func<T, DateOnly> asOf, Func<T, DateTime> recordedAt, Func<T, Guid> id) =>
        current.GroupBy(recommendationId).ToDictionary(g => g.Key, g => g
            .OrderByDescending(consolidated).ThenByDescending(asOf).ThenByDescending(recordedAt).ThenByDescending(id).First());
}
