namespace Spean.Core.Recommendations.Recurrence;

/// <summary>A recommending State; observers and unknown names have no ISO code.</summary>
public sealed record Recommender(string Name, string? Iso3)
{
    public string Key => Iso3 ?? Name.ToUpperInvariant();
}

/// <summary>One recommendation as the recurrence views show it.</summary>
public sealed record RecurrenceItem(
    Guid Id, string Text, int Session, int Cycle, RecommendationResponse Response,
    IReadOnlyList<Recommender> RecommendingStates, IReadOnlyList<string> Issues);

/// <summary>An earlier recommendation that asks much the same; Similarity is the cosine of the two texts (0 to 1).</summary>
public sealed record SimilarRecommendation(RecurrenceItem Recommendation, double Similarity);

public sealed record ThemeInCycle(int Cycle, int Count, int Supported)
{
    public double SupportedPercent => Count == 0 ? 0 : Math.Round(100.0 * Supported / Count, 1, MidpointRounding.AwayFromZero);
}

/// <summary>An issue recommended to the State in two cycles or more, with a figure for every cycle the State has.</summary>
public sealed record RecurringTheme(string Issue, IReadOnlyList<ThemeInCycle> Cycles);

public sealed record RepeatedRecommendation(RecurrenceItem Earlier, RecurrenceItem Later, double Similarity);

/// <summary>A recommending State that made a recommendation again in a later cycle.</summary>
public sealed record RepeatingRecommender(Recommender State, IReadOnlyList<RepeatedRecommendation> Repeats);

/// <summary>RecommendedBefore: how many of the cycle's recommendations repeat one from an earlier cycle.</summary>
public sealed record CycleSummary(int Cycle, int Recommendations, int Supported, int RecommendedBefore);

public sealed record RecurrenceReport(
    string StateIso3, string StateName, IReadOnlyList<CycleSummary> Cycles, IReadOnlyList<RecurringTheme> Themes, IReadOnlyList<RepeatingRecommender> Recommenders);
