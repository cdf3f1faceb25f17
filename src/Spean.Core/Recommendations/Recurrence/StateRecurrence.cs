namespace Spean.Core.Recommendations.Recurrence;

/// <summary>The state of a State's recommendations a computation was made from: it is stale once either changes.</summary>
internal readonly record struct StateVersion(int Count, DateTime? LastUpdated);

/// <summary>Which of one State's recommendations repeat one made to it in an earlier cycle. Immutable once built.</summary>
internal sealed class StateRecurrence
{
    /// <summary>
    /// Chosen by reading the best cycle-1 match of each of Cambodia's 205 session-18 recommendations. With a shared
    /// UPR Info issue tag, pairs from a cosine of 0.25 up are mostly the same ask again (the national preventive
    /// mechanism, judicial independence, human rights defenders, penal code and freedom of expression); below, mostly
    /// the same theme with a different ask. Without a shared tag, pairs under 0.40 met on boilerplate ("in accordance
    /// with international standards", "continue its efforts") rather than on the ask, so they need 0.15 more.
    /// </summary>
    public const double Threshold = 0.40;

    public const double SharedIssueBonus = 0.15;

    private readonly List<RecurrenceItem> items;
    private readonly List<List<string>> stems;
    private readonly Dictionary<Guid, List<SimilarRecommendation>> earlier = [];

    private StateRecurrence(StateVersion version, List<RecurrenceItem> items)
    {
        Version = version;
        this.items = items;
        stems = items.Select(i => TextSimilarity.Stems(i.Text)).ToList();
    }

    public StateVersion Version { get; }

    public static bool IsRepeat(double similarity, bool sharesIssue) =>
        similarity + (sharesIssue ? SharedIssueBonus : 0) >= Threshold;

    public static StateRecurrence Build(StateVersion version, List<RecurrenceItem> items)
    {
        var recurrence = new StateRecurrence(version, items);
        var vectors = TextSimilarity.VectorsOfStems(recurrence.stems);
        for (var later = 0; later < items.Count; later++)
        {
            List<SimilarRecommendation>? found = null;
            for (var before = 0; before < items.Count; before++)
            {
                if (items[before].Cycle >= items[later].Cycle) continue;
                var similarity = vectors[later].Cosine(vectors[before]);
                if (similarity + SharedIssueBonus < Threshold) continue; // spares most pairs the issue comparison
                if (!IsRepeat(similarity, items[later].Issues.Intersect(items[before].Issues).Any())) continue;
                (found ??= []).Add(new SimilarRecommendation(items[before], Math.Round(similarity, 3)));
            }
            if (found is not null)
                recurrence.earlier[items[later].Id] = found.OrderByDescending(s => s.Similarity).ThenBy(s => s.Recommendation.Session).ToList();
        }
        return recurrence;
    }

    public IReadOnlyList<SimilarRecommendation> Earlier(Guid id) => earlier.GetValueOrDefault(id) ?? [];

    /// <summary>
    /// The State's recommendations of every cycle that a new text (a draft, one from a new cycle) asks again, most alike
    /// first, by the same rule as <see cref="Earlier"/>. The text is weighed among the State's own, so the words every
    /// recommendation to that State uses count for little here too.
    /// </summary>
    public IReadOnlyList<SimilarRecommendation> Resembling(string text, IReadOnlyCollection<string> issues, int limit)
    {
        var vectors = TextSimilarity.VectorsOfStems([TextSimilarity.Stems(text), .. stems]);
        return items
            .Select((item, i) => new SimilarRecommendation(item, Math.Round(vectors[0].Cosine(vectors[i + 1]), 3)))
            .Where(s => IsRepeat(s.Similarity, s.Recommendation.Issues.Intersect(issues).Any()))
            .OrderByDescending(s => s.Similarity).ThenByDescending(s => s.Recommendation.Session)
            .Take(limit)
            .ToList();
    }

    public RecurrenceReport Report(string iso3, string name)
    {
        var cycles = items.Select(i => i.Cycle).Distinct().Order().ToList();
        var summaries = cycles.Select(c => new CycleSummary(c,
            items.Count(i => i.Cycle == c),
            items.Count(i => i.Cycle == c && i.Response == RecommendationResponse.Supported),
            items.Count(i => i.Cycle == c && earlier.ContainsKey(i.Id)))).ToList();
        return new RecurrenceReport(iso3, name, summaries, Themes(cycles), Recommenders());
    }

    private List<RecurringTheme> Themes(List<int> cycles) => items
        .SelectMany(i => i.Issues.Select(issue => (Issue: issue, Item: i)))
        .GroupBy(x => x.Issue)
        .Select(g => new RecurringTheme(g.Key, cycles.Select(c => new ThemeInCycle(c,
            g.Count(x => x.Item.Cycle == c),
            g.Count(x => x.Item.Cycle == c && x.Item.Response == RecommendationResponse.Supported))).ToList()))
        .Where(t => t.Cycles.Count(c => c.Count > 0) >= 2)
        .OrderByDescending(t => t.Cycles.Sum(c => c.Count)).ThenBy(t => t.Issue, StringComparer.Ordinal)
        .ToList();

    /// <summary>Pairs where one recommending State made both the later recommendation and the earlier one it repeats.</summary>
    private List<RepeatingRecommender> Recommenders()
    {
        var repeats = new Dictionary<string, (Recommender State, List<RepeatedRecommendation> Pairs)>();
        foreach (var later in items)
        {
            foreach (var similar in Earlier(later.Id))
            {
                var earlierKeys = similar.Recommendation.RecommendingStates.Select(s => s.Key).ToHashSet();
                foreach (var state in later.RecommendingStates.Where(s => earlierKeys.Contains(s.Key)))
                {
                    if (!repeats.TryGetValue(state.Key, out var entry)) repeats[state.Key] = entry = (state, []);
                    entry.Pairs.Add(new RepeatedRecommendation(similar.Recommendation, later, similar.Similarity));
                }
            }
        }
        return repeats.Values
            .Select(r => new RepeatingRecommender(r.State, r.Pairs.OrderBy(p => p.Later.Session).ThenByDescending(p => p.Similarity).ToList()))
            .OrderByDescending(r => r.Repeats.Count).ThenBy(r => r.State.Name, StringComparer.Ordinal)
            .ToList();
    }
}
