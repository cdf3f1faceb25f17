namespace Spean.Core.Recommendations.Search.Tests;

public sealed class QueryTests
{
    private static readonly RecommendationIndex Index = Sample.Index(
        Sample.Doc(1, "Protect the rights of the child and end child labour."),
        Sample.Doc(2, "Ensure women's right to land and combat discrimination against women."),
        Sample.Doc(3, "Adopt a law on discriminatory practices and protect human rights defenders."),
        Sample.Doc(4, "Continue efforts to combat torture; ratify the Convention against Torture."),
        Sample.Doc(5, "Human rights education for the police. Protect children from trafficking."),
        Sample.Doc(6, "Child rights: the child of the rights holder."),
        Sample.Doc(7, "Discriminate against nobody; discriminating laws must be repealed."));

    [Fact]
    public void Words_are_matched_case_insensitively_and_implicitly_anded()
    {
        Assert.Equal([3, 5], Index.Find("HUMAN Rights"));
        Assert.Equal([3, 5], Index.Find("human AND rights"));
    }

    [Fact]
    public void Stemming_follows_porter2()
    {
        Assert.Equal([1, 2, 3, 5, 6], Index.Find("rights")); // "right" and "rights" share the stem "right"
        Assert.Equal([2, 7], Index.Find("discrimination")); // discrimination, discriminate, discriminating -> "discrimin"
        Assert.Equal([3], Index.Find("discriminatory")); // "discriminatori" is a stem of its own
        Assert.Equal([1, 6], Index.Find("child")); // Porter2 leaves "children" alone
        Assert.Equal([2], Index.Find("woman OR women")); // "women's" indexes as "women"
    }

    [Fact]
    public void Not_and_minus_exclude_every_document_with_the_word()
    {
        Assert.Equal([2, 3, 5], Index.Find("rights NOT child"));
        Assert.Equal([2, 3, 5], Index.Find("rights -child"));
        Assert.Equal([4, 7], Index.Find("NOT rights"));
        Assert.Equal([3, 5], Index.Find("rights NOT (child OR land)"));
    }

    [Fact]
    public void Phrase_needs_consecutive_words()
    {
        Assert.Equal([1], Index.Find("\"rights of the child\""));
        Assert.Equal([6], Index.Find("\"child rights\""));
        Assert.Equal([3, 5], Index.Find("\"human rights\""));
        Assert.Empty(Index.Find("\"rights human\""));
        Assert.Equal([2], Index.Find("\"right to land\""));
    }

    [Fact]
    public void Prefix_matches_word_beginnings_before_stemming()
    {
        Assert.Equal([2, 3, 7], Index.Find("discriminat*"));
        Assert.Equal([1, 5, 6], Index.Find("chil*"));
        Assert.Equal([4], Index.Find("tortur* conv*"));
    }

    [Fact]
    public void Prefix_without_matching_words_finds_nothing_and_typographic_quotes_work()
    {
        Assert.Empty(Index.Find("zzyzx*"));
        Assert.Equal([1], Index.Find("\u201Crights of the child\u201D"));
    }

    [Fact]
    public void Or_and_parentheses_group()
    {
        Assert.Equal([1, 4, 5, 6], Index.Find("torture OR child OR children"));
        Assert.Equal([4, 5], Index.Find("(torture OR trafficking) AND (police OR convention)"));
        Assert.Equal([1, 4, 6], Index.Find("torture OR child -police"));
    }

    [Fact]
    public void Lowercase_operators_are_plain_words()
    {
        Assert.Empty(Index.Find("protect or torture")); // no document has the word "or"
        Assert.Equal([1], Index.Find("child and labour"));
    }

    [Fact]
    public void Relevance_puts_the_denser_match_first()
    {
        var result = Index.Search(new SearchRequest { Text = "child", Sort = SearchSort.Relevance });
        Assert.Equal(2, result.Total);
        Assert.Equal(6, Sample.Number(result.Ids[0])); // short text, "child" twice
    }

    [Fact]
    public void Paging_and_key_order()
    {
        var all = Index.Search(new SearchRequest { Sort = SearchSort.KeyDescending, Take = 100 });
        Assert.Equal([7, 6, 5, 4, 3, 2, 1], all.Ids.Select(Sample.Number));
        var page = Index.Search(new SearchRequest { Sort = SearchSort.KeyAscending, Skip = 2, Take = 3 });
        Assert.Equal(7, page.Total);
        Assert.Equal([3, 4, 5], page.Ids.Select(Sample.Number));
        Assert.Empty(Index.Search(new SearchRequest { Skip = 50 }).Ids);
    }
}
