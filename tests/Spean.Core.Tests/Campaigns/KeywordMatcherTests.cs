using Spean.Core.Campaigns.Media;
using Spean.Core.Text;

namespace Spean.Core.Tests.Campaigns;

public sealed class KeywordMatcherTests
{
    private static readonly KeywordMatcher Matcher = new(KhmerSegmenter.LoadShipped());

    [Theory]
    [InlineData("Landmines kill two farmers", "landmine")]
    [InlineData("A landmine killed two farmers", "landmines")]
    [InlineData("Cluster munitions used again", "cluster munition")]
    [InlineData("Civilian casualties rise", "casualty")]
    [InlineData("Fires in the bushes", "bush")]
    [InlineData("The Mine Ban Treaty meets", "mine ban treaty")]
    public void A_keyword_is_found_in_its_singular_or_plural_form(string text, string keyword) =>
        Assert.Equal([keyword], Matcher.Matches(Matcher.Words(text), [keyword]));

    [Theory]
    [InlineData("The mined road was closed", "mine")]
    [InlineData("Minesweepers at work", "mine")]
    [InlineData("Press freedom", "pres")]
    [InlineData("The treaty was signed", "treaties signed by Cambodia")]
    public void A_keyword_is_not_found_inside_another_word_or_as_a_part_of_a_phrase(string text, string keyword) =>
        Assert.Empty(Matcher.Matches(Matcher.Words(text), [keyword]));
}
