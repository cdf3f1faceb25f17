using Spean.Web.Campaigns.Media;

namespace Spean.Web.Tests.Campaigns.Media;

/// <summary>The inbox marks a keyword where the matcher found it, plurals included, and nowhere else.</summary>
public sealed class MediaHighlightTests
{
    [Fact]
    public void Plurals_of_keywords_are_marked_and_longer_words_are_not()
    {
        var runs = MediaHighlight.Runs("Landmines and cluster munitions: mined roads, casualties, one landmine.", ["landmine", "cluster munition", "casualty"]);

        Assert.Equal(["Landmines", "cluster munitions", "casualties", "landmine"], runs.Where(r => r.Marked).Select(r => r.Text));
        Assert.Equal("Landmines and cluster munitions: mined roads, casualties, one landmine.", string.Concat(runs.Select(r => r.Text)));
    }
}
