
namespace Spean.Core.Recommendations.Classification.Tests;

public sealed class IssueTagModelTests(TrainedOnAllRows trained) : IClassFixture<TrainedOnAllRows>
{
    [Theory]
    [InlineData("Abolish the death penalty", "Death penalty")]
    [InlineData("Take measures to combat trafficking in women and children", "Trafficking")]
    [InlineData("Ratify the Convention on the Rights of Persons with Disabilities", "Disabilities")]
    public void ObviousIssuesAreSuggested(string text, string issue)
    {
        var suggestions = trained.Issues.Suggest(text);

        Assert.Contains(suggestions, s => s.Issue == issue);
    }

    [Fact]
    public void SuggestionsAreOrderedAndNeverEmpty()
    {
        var suggestions = trained.Issues.Suggest("xyzzy");

        Assert.NotEmpty(suggestions);
        Assert.Equal(suggestions.OrderByDescending(s => s.Score).Select(s => s.Issue), suggestions.Select(s => s.Issue));
    }

    [Fact]
    public void KnowsTheClosedSetOfFiftyFourIssues()
    {
        Assert.Equal(54, trained.Issues.Issues.Count);
    }

    [Fact]
    public void TrainingIsDeterministic()
    {
        var sample = ShippedData.Issues(s => s <= 3).ToList();
        var first = IssueTagModel.Train(sample);
        var second = IssueTagModel.Train(sample);

        foreach (var (text, _, _) in ShippedData.Issues(s => s == 4).Take(300))
        {
            Assert.Equal(first.Suggest(text), second.Suggest(text));
        }
    }
}
