
namespace Spean.Core.Recommendations.Classification.Tests;

/// <summary>
/// Regression guards on sessions the models never saw: train on sessions 1-15, test on 16-18.
/// The floors are the measured figures (91.49 % and micro-F1 0.9005) rounded down.
/// </summary>
public sealed class HeldOutSessionsTests
{
    [Fact]
    public void ActionCategoryAccuracyIsAtLeastNinetyOnePointFourPercent()
    {
        var model = ActionCategoryModel.Train(ShippedData.Actions(s => s <= 15));

        var evaluation = ClassificationEvaluator.EvaluateActions(model, ShippedData.Actions(s => s >= 16));

        Assert.Equal(7959, evaluation.Total);
        Assert.True(evaluation.Accuracy >= 0.914, $"accuracy {evaluation.Accuracy:P2}");
    }

    [Fact]
    public void IssueMicroF1IsAtLeastNinetyPercent()
    {
        var model = IssueTagModel.Train(ShippedData.Issues(s => s <= 15));

        var evaluation = ClassificationEvaluator.EvaluateIssues(model, ShippedData.Issues(s => s >= 16));

        Assert.True(evaluation.Micro.F1 >= 0.900, $"micro-F1 {evaluation.Micro.F1:F4}");
    }
}
