namespace Spean.Core.Recommendations.Search.Tests;

public sealed class HighlightAndKhmerTests
{
    private const string Text = "Protect human rights defenders, and the rights of the child; end discriminatory laws.";

    private static string[] Marked(string query, string text) =>
        Sample.Index().Highlight(query, text).Select(r => text.Substring(r.Start, r.Length)).ToArray();

    [Fact]
    public void Words_are_marked_in_every_inflection()
    {
        Assert.Equal(["rights", "rights"], Marked("right", Text));
        Assert.Equal(["Protect", "child"], Marked("protect OR child", Text));
    }

    [Fact]
    public void Phrases_are_marked_whole_and_excluded_words_not_at_all()
    {
        Assert.Equal(["human rights", "rights of the child"], Marked("\"human rights\" OR \"rights of the child\"", Text));
        Assert.Equal(["defenders"], Marked("defenders -child", Text));
    }

    [Fact]
    public void Prefixes_are_marked()
    {
        Assert.Equal(["discriminatory"], Marked("discriminat*", Text));
        Assert.Empty(Marked("(torture", Text));
    }

    [Fact]
    public void Possessives_keep_their_apostrophe_inside_the_mark()
    {
        Assert.Equal(["women’s"], Marked("women", "Protect women’s land"));
    }

    private static readonly RecommendationIndex KhmerIndex = Sample.Index(
        Sample.Doc(1, "Protect women", khmer: "ការពារ\u200Bសិទ្ធិ\u200Bស្ត្រី"),
        Sample.Doc(2, "Protect children", khmer: "ការពារ សិទ្ធិ កុមារ"),
        Sample.Doc(3, "End torture (ស្ត្រី)"));

    [Fact]
    public void Khmer_words_are_found()
    {
        Assert.Equal([1, 2], KhmerIndex.Find("សិទ្ធិ"));
        Assert.Equal([1, 3], KhmerIndex.Find("ស្ត្រី"));
        Assert.Equal([1], KhmerIndex.Find("ស្ត្រី protect"));
        Assert.Equal([2], KhmerIndex.Find("សិទ្ធិ -ស្ត្រី"));
    }

    [Fact]
    public void Khmer_phrases_and_segmented_query_words_need_consecutive_words()
    {
        Assert.Equal([1], KhmerIndex.Find("\"សិទ្ធិ ស្ត្រី\""));
        Assert.Equal([1], KhmerIndex.Find("សិទ្ធិ\u200Bស្ត្រី")); // one query word the segmenter splits into two
        Assert.Empty(KhmerIndex.Find("\"ស្ត្រី សិទ្ធិ\""));
        Assert.Empty(KhmerIndex.Find("\"women ការពារ\"")); // no phrase across the English and Khmer texts
    }

    [Fact]
    public void Khmer_words_are_marked_in_khmer_text()
    {
        const string khmer = "ការពារ\u200Bសិទ្ធិ\u200Bស្ត្រី";
        Assert.Equal(["សិទ្ធិ"], Marked("សិទ្ធិ", khmer));
        Assert.Equal(["សិទ្ធិ\u200Bស្ត្រី"], Marked("\"សិទ្ធិ ស្ត្រី\"", khmer));
    }
}
