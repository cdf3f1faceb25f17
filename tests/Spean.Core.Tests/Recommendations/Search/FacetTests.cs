namespace Spean.Core.Recommendations.Search.Tests;

public sealed class FacetTests
{
    private static readonly RecommendationIndex Index = Sample.Index(
        Sample.Doc(1, "Ratify the convention on torture", "Cambodia", "Accepted", ["Torture", "Instruments"]),
        Sample.Doc(2, "Protect human rights defenders", "Cambodia", "Noted", ["Defenders"]),
        Sample.Doc(3, "End torture in detention", "Viet Nam", "Accepted", ["Torture", "Detention"]),
        Sample.Doc(4, "Protect women from violence", "Viet Nam", "Accepted", ["Women"]),
        Sample.Doc(5, "Ratify the optional protocol on torture", "Laos", "Noted", ["Torture", "Instruments"]),
        Sample.Doc(6, "Ensure land rights", "Laos", "Accepted", []));

    [Fact]
    public void Single_valued_counts_sum_to_the_total()
    {
        var result = Index.Search(Sample.Request("torture OR protect"));
        Assert.Equal(5, result.Total);
        Assert.Equal(result.Total, result.Facets["sur"].Sum(c => c.Count));
        Assert.Equal(result.Total, result.Facets["response"].Sum(c => c.Count));
        Assert.Equal(3, result.CountOf("issue", "Torture"));
    }

    [Fact]
    public void Selecting_a_value_gives_the_count_shown_beside_it()
    {
        var before = Index.Search(Sample.Request("torture"));
        foreach (var option in before.Facets["sur"].Concat(before.Facets["issue"]))
        {
            string field = before.Facets["sur"].Contains(option) ? "sur" : "issue";
            var after = Index.Search(Sample.Request("torture", (field, [option.Value])));
            Assert.Equal(option.Count, after.Total);
        }
    }

    [Fact]
    public void Filters_or_within_a_field_and_across_fields()
    {
        Assert.Equal([1, 2, 3, 4], Index.Find(null, ("sur", ["Cambodia", "Viet Nam"])));
        Assert.Equal([1, 3, 4], Index.Find(null, ("sur", ["Cambodia", "Viet Nam"]), ("response", ["Accepted"])));
        Assert.Equal([1, 3], Index.Find(null, ("sur", ["Cambodia", "Viet Nam"]), ("response", ["Accepted"]), ("issue", ["Torture"])));
        Assert.Empty(Index.Find(null, ("sur", ["Atlantis"])));
        Assert.Equal(6, Index.Find(null, ("sur", [])).Length); // an empty selection does not filter
    }

    [Fact]
    public void A_filtered_field_counts_as_if_its_own_filter_were_off()
    {
        var result = Index.Search(Sample.Request(null, ("sur", ["Cambodia"]), ("response", ["Accepted"])));
        Assert.Equal(1, result.Total);
        // sur counts ignore the sur filter but keep response=Accepted
        Assert.Equal(1, result.CountOf("sur", "Cambodia"));
        Assert.Equal(2, result.CountOf("sur", "Viet Nam"));
        Assert.Equal(1, result.CountOf("sur", "Laos"));
        // response counts ignore the response filter but keep sur=Cambodia
        Assert.Equal(1, result.CountOf("response", "Accepted"));
        Assert.Equal(1, result.CountOf("response", "Noted"));
        // unfiltered fields follow the full result
        Assert.Equal(["Instruments", "Torture"], result.Facets["issue"].Select(c => c.Value).Order());
    }

    [Fact]
    public void Selected_values_are_listed_even_with_no_results()
    {
        var result = Index.Search(Sample.Request("women", ("sur", ["Laos"])));
        Assert.Equal(0, result.Total);
        var laos = Assert.Single(result.Facets["sur"], c => c.Value == "Laos");
        Assert.True(laos.Selected);
        Assert.Equal(0, laos.Count);
        Assert.Equal(1, result.CountOf("sur", "Viet Nam"));
    }

    [Fact]
    public void Counts_only_the_fields_asked_for()
    {
        var result = Index.Search(Sample.Request("torture") with { CountFields = ["response"] });
        Assert.Equal(["response"], result.Facets.Keys);
    }

    [Fact]
    public void Unknown_filter_field_is_reported()
    {
        var result = Index.Search(Sample.Request(null, ("country", ["Cambodia"])));
        Assert.Contains("country", result.Error?.Message);
    }
}
