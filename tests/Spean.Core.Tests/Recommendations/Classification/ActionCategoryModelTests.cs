
namespace Spean.Core.Recommendations.Classification.Tests;

public sealed class TrainedOnAllRows
{
    public ActionCategoryModel Actions { get; } = ActionCategoryModel.Train(ShippedData.Actions(_ => true));

    public IssueTagModel Issues { get; } = IssueTagModel.Train(ShippedData.Issues(_ => true));
}

public sealed class ActionCategoryModelTests(TrainedOnAllRows trained) : IClassFixture<TrainedOnAllRows>
{
    [Theory]
    [InlineData("Ratify the Convention against Torture", 5, "ratify")]
    [InlineData("Continue its efforts to combat trafficking in persons", 2, "continue")]
    [InlineData("Consider ratifying the Optional Protocol to the Convention against Torture", 3, "consider")]
    [InlineData("Seek technical assistance from OHCHR", 1, "seek")]
    [InlineData("Take measures to improve the situation of women", 4, "take")]
    [InlineData("Abolish the death penalty", 5, "abolish")]
    public void ObviousCasesGetTheirCategoryAndTheVerbDecides(string text, int category, string verb)
    {
        var prediction = trained.Actions.Predict(text);

        Assert.Equal(category, prediction.Category);
        Assert.InRange(prediction.Confidence, 0.5, 1.0);
        Assert.Contains(prediction.DecisiveWords, w => w.Split(' ').Contains(verb));
    }

    [Fact]
    public void DecisiveWordsAreReadableWords()
    {
        var words = trained.Actions.Predict("Consider ratifying the Optional Protocol to the Convention against Torture").DecisiveWords;

        Assert.InRange(words.Count, 1, 3);
        Assert.All(words, w => Assert.DoesNotContain(":", w, StringComparison.Ordinal));
        Assert.DoesNotContain("the", words);
    }

    [Fact]
    public void TextWithoutKnownWordsStillGetsACategory()
    {
        var prediction = trained.Actions.Predict("");

        Assert.InRange(prediction.Category, 1, 5);
        Assert.InRange(prediction.Confidence, 0.0, 1.0);
    }

    [Fact]
    public void TrainingIsDeterministic()
    {
        var sample = ShippedData.Actions(s => s <= 3).ToList();
        var first = ActionCategoryModel.Train(sample);
        var second = ActionCategoryModel.Train(sample);

        foreach (var (text, _) in ShippedData.Actions(s => s == 4).Take(300))
        {
            var a = first.Predict(text);
            var b = second.Predict(text);
            Assert.Equal((a.Category, a.Confidence), (b.Category, b.Confidence));
            Assert.Equal(a.DecisiveWords, b.DecisiveWords);
        }
    }

    [Fact]
    public void RejectsCategoriesOutsideOneToFive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ActionCategoryModel.Train([("Ratify CAT", 6)]));
    }
}

public sealed class RecommendationClassifierTests
{
    [Fact]
    public void PredictsNothingUntilTrainedThenCategoryReasonAndIssues()
    {
        var classifier = new RecommendationClassifier();

        Assert.False(classifier.IsReady);
        Assert.Null(classifier.Predict("Ratify the Convention against Torture"));

        classifier.Train();
        var prediction = classifier.Predict("Ratify the Convention against Torture");

        Assert.True(classifier.IsReady);
        Assert.Equal(5, prediction!.Action.Category);
        Assert.Contains("ratify", prediction.Action.DecisiveWords);
        Assert.Contains(prediction.Issues, i => i.Issue == "International instruments");
        Assert.Equal("Specific action", ActionCategoryModel.CategoryName(prediction.Action.Category));
    }
}
