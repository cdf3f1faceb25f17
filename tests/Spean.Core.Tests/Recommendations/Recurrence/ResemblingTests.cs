namespace Spean.Core.Recommendations.Recurrence.Tests;

/// <summary>A coalition's draft for Cambodia's next review, compared with what Cambodia was recommended in cycles 1 and 2.</summary>
public sealed class ResemblingTests
{
    private static readonly Lazy<StateRecurrence> Cambodia = new(() =>
    {
        var rows = UprInfoCsv.Read(Path.Combine(AppContext.BaseDirectory, "data", "upr", "upr_recommendations_cambodia_cycles_1-2.csv")).Rows;
        var items = rows.Select(r => new RecurrenceItem(Guid.CreateVersion7(), r.Text, r.Session, r.Cycle,
            r.Response == "Noted" ? RecommendationResponse.Noted : RecommendationResponse.Supported,
            [new Recommender(r.RecommendingState, null)], r.Issues)).ToList();
        return StateRecurrence.Build(new StateVersion(items.Count, null), items);
    });

    [Fact]
    public void A_draft_asking_again_for_a_preventive_mechanism_finds_both_cycles_asks_most_alike_first()
    {
        var found = Cambodia.Value.Resembling(
            "Establish without delay an independent national preventive mechanism against torture", ["Torture and other CID treatment"], 10);

        Assert.NotEmpty(found);
        Assert.Contains("national preventive mechanism", found[0].Recommendation.Text, StringComparison.Ordinal);
        Assert.Contains(found, s => s.Recommendation.Cycle == 1);
        Assert.Contains(found, s => s.Recommendation.Cycle == 2);
        Assert.Equal(found.OrderByDescending(s => s.Similarity).Select(s => s.Similarity), found.Select(s => s.Similarity));
    }

    [Fact]
    public void A_draft_on_a_theme_never_raised_finds_nothing()
    {
        Assert.Empty(Cambodia.Value.Resembling("Reduce the speed limit on national roads near schools", ["Other"], 10));
    }

    [Fact]
    public void No_more_are_listed_than_asked_for()
    {
        var found = Cambodia.Value.Resembling("Ratify the Optional Protocol to the Convention against Torture", ["International instruments"], 2);

        Assert.Equal(2, found.Count);
    }
}
