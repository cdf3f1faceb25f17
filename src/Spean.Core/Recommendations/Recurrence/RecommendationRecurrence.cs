using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;

namespace Spean.Core.Recommendations.Recurrence;

/// <summary>
/// Keeps each State's computed recurrence between requests. An entry is used only while the State still has the same
/// number of recommendations and the same latest UpdatedAt, so an added, edited or deleted recommendation is noticed.
/// </summary>
public sealed class RecurrenceCache
{
    internal ConcurrentDictionary<string, StateRecurrence> States { get; } = new(StringComparer.Ordinal);
}

/// <summary>Finds the recommendations made to a State in earlier cycles that a recommendation repeats, and sums them up per State.</summary>
public sealed class RecommendationRecurrence(SpeanDbContext db, RecurrenceCache cache)
{
    public async Task<IReadOnlyList<SimilarRecommendation>> EarlierAsync(string stateIso3, Guid id, CancellationToken cancellationToken = default) =>
        (await ForStateAsync(stateIso3, cancellationToken)).Earlier(id);

    /// <summary>The State's recommendations that a new text repeats; <paramref name="issues"/> are the text's (predicted) issues.</summary>
    public async Task<IReadOnlyList<SimilarRecommendation>> ResemblingAsync(
        string stateIso3, string text, IReadOnlyCollection<string> issues, int limit, CancellationToken cancellationToken = default) =>
        (await ForStateAsync(stateIso3.ToUpperInvariant(), cancellationToken)).Resembling(text, issues, limit);

    /// <returns>Null when no State has that ISO code.</returns>
    public async Task<RecurrenceReport?> ReportAsync(string stateIso3, CancellationToken cancellationToken = default)
    {
        var iso3 = stateIso3.ToUpperInvariant();
        var name = await db.Countries.Where(c => c.Iso3 == iso3).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null) return null;
        return (await ForStateAsync(iso3, cancellationToken)).Report(iso3, name);
    }

    private async Task<StateRecurrence> ForStateAsync(string iso3, CancellationToken cancellationToken)
    {
        var ofState = db.Recommendations.AsNoTracking().Where(r => r.StateUnderReviewIso3 == iso3);
        var version = await ofState.GroupBy(r => r.StateUnderReviewIso3)
            .Select(g => new StateVersion(g.Count(), g.Max(r => r.UpdatedAt)))
            .SingleOrDefaultAsync(cancellationToken);
        if (cache.States.TryGetValue(iso3, out var cached) && cached.Version == version) return cached;

        var items = await ofState.OrderBy(r => r.Session).ThenBy(r => r.Id)
            .Select(r => new RecurrenceItem(r.Id, r.Text, r.Session, r.Cycle, r.Response,
                r.RecommendingStates.OrderBy(s => s.Name).Select(s => new Recommender(s.Name, s.CountryIso3)).ToList(),
                r.Issues.OrderBy(i => i.Issue).Select(i => i.Issue).ToList()))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var recurrence = StateRecurrence.Build(version, items);
        cache.States[iso3] = recurrence;
        return recurrence;
    }
}
