using Spean.Core.Recommendations;

namespace Spean.Core.Tests.Recommendations;

public sealed class IssueThesaurusTests
{
    [Fact]
    public void Every_issue_of_the_shipped_recommendations_is_in_the_thesaurus_with_a_Khmer_name()
    {
        var thesaurus = IssueThesaurus.Shipped;
        var used = UprInfoCsv.Read(RecommendationImporter.ShippedFile).Rows.SelectMany(r => r.Issues).ToHashSet();

        Assert.Equal(54, thesaurus.Issues.Count());
        Assert.Subset(thesaurus.Issues.ToHashSet(), used);
        Assert.All(thesaurus.Issues, issue => Assert.Contains(thesaurus.Khmer(issue), c => c is >= '\u1780' and <= '\u17FF'));
        Assert.Equal("សិទ្ធិស្ត្រី", thesaurus.Khmer("Women's rights"));
    }
}
