namespace Spean.Core.Recommendations.Search.Tests;

public sealed class QueryErrorTests
{
    private static readonly RecommendationIndex Index = Sample.Index(Sample.Doc(1, "End torture"), Sample.Doc(2, "Protect women"));

    [Theory]
    [InlineData("\"end torture", "quote")]
    [InlineData("(torture OR women", "not closed")]
    [InlineData("torture)", "no matching")]
    [InlineData("NOT", "NOT")]
    [InlineData("torture NOT", "NOT")]
    [InlineData("torture OR", "OR")]
    [InlineData("OR torture", "OR")]
    [InlineData("torture AND", "AND")]
    [InlineData("()", "empty")]
    [InlineData("t*", "prefix")]
    [InlineData("*", "prefix")]
    public void Malformed_queries_give_a_message(string query, string mentions)
    {
        var result = Index.Search(Sample.Request(query));
        Assert.NotNull(result.Error);
        Assert.Contains(mentions, result.Error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, result.Total);
        Assert.Equal(result.Error.Message, Index.Validate(query)?.Message);
        Assert.Empty(Index.Highlight(query, "End torture"));
    }

    [Fact]
    public void Deep_nesting_is_refused_not_a_crash()
    {
        string query = new string('(', 500) + "torture" + new string(')', 500);
        Assert.Contains("nested", Index.Search(Sample.Request(query)).Error?.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ???")]
    public void Queries_without_words_match_everything(string query)
    {
        Assert.Equal([1, 2], Index.Find(query));
    }

    [Fact]
    public void A_trailing_lone_minus_is_just_punctuation()
    {
        Assert.Equal([1], Index.Find("torture -"));
        Assert.Empty(Index.Find("torture - women")); // a free-standing '-' is punctuation, so this is torture AND women
    }
}
