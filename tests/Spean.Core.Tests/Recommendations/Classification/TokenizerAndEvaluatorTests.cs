
namespace Spean.Core.Recommendations.Classification.Tests;

public sealed class TokenizerTests
{
    [Fact]
    public void LowerCasesSplitsOnPunctuationAndDropsPossessives()
    {
        Assert.Equal(["ensure", "women", "rights", "non", "discrimination", "and", "op", "cat", "2010"],
            Tokenizer.Tokenize("Ensure women's rights, non-discrimination and OP-CAT (2010)."));
    }

    [Fact]
    public void CurlyApostrophesAreApostrophes()
    {
        Assert.Equal(["the", "state", "obligations"], Tokenizer.Tokenize("the State\u2019s obligations"));
    }

    [Theory]
    [InlineData("ratifying", "ratify")]
    [InlineData("ratified", "ratif")]
    [InlineData("ratifies", "ratif")]
    [InlineData("law", "law")]
    public void StemStripsCommonSuffixesFromLongWordsOnly(string word, string stem)
    {
        Assert.Equal(stem, Tokenizer.Stem(word));
    }
}

public sealed class ClassificationEvaluatorTests
{
    private static readonly ActionCategoryModel Actions = ActionCategoryModel.Train(
    [
        ("Ratify the Convention", 5), ("Ratify the Protocol", 5), ("Continue its efforts", 2), ("Continue the programme", 2),
    ]);

    [Fact]
    public void CountsAccuracyAndConfusion()
    {
        var e = ClassificationEvaluator.EvaluateActions(Actions, [("Ratify the Convention", 5), ("Continue its efforts", 3)]);

        Assert.Equal(2, e.Total);
        Assert.Equal(0.5, e.Accuracy);
        Assert.Equal(1, e.Confusion[4][4]);
        Assert.Equal(1, e.Confusion[2][1]);
    }

    [Fact]
    public void PrecisionRecallAndF1()
    {
        var pr = new PrecisionRecall(TruePositives: 6, FalsePositives: 2, FalseNegatives: 4);

        Assert.Equal(0.75, pr.Precision);
        Assert.Equal(0.6, pr.Recall);
        Assert.Equal(12.0 / 18, pr.F1, 12);
        Assert.Equal(10, pr.Support);
    }

    [Fact]
    public void IssueEvaluationCountsEveryTagOnce()
    {
        var issues = IssueTagModel.Train(
        [
            ("Abolish the death penalty", ["Death penalty"], 1), ("Ratify the convention", ["International instruments"], 1),
            ("Abolish capital punishment and the death penalty", ["Death penalty"], 1),
        ]);

        var e = ClassificationEvaluator.EvaluateIssues(issues, [("Abolish the death penalty", ["Death penalty", "Justice"], 1)]);

        Assert.Equal(1, e.Micro.TruePositives);
        Assert.Equal(1, e.PerIssue["Justice"].FalseNegatives);
        Assert.Equal(1, e.Total);
    }
}
