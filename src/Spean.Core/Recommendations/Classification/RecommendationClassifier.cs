namespace Spean.Core.Recommendations.Classification;

/// <summary>What the models predict for one text. Always a prediction, never UPR Info's official category.</summary>
public sealed record RecommendationPrediction(ActionCategoryPrediction Action, IReadOnlyList<IssueSuggestion> Issues);

/// <summary>
/// Both models, trained once from the shipped UPR Info file. Training takes several seconds, so the app starts it in the
/// background; until it is done <see cref="IsReady"/> is false and <see cref="Predict"/> returns null.
/// </summary>
public sealed class RecommendationClassifier
{
    /// <summary>The longest recommendation UPR Info holds has under a thousand characters; more is several pasted at once.</summary>
    public const int MaxTextLength = 4000;

    private readonly Lazy<(ActionCategoryModel Actions, IssueTagModel Issues)> _models = new(TrainOnShippedFile);

    public bool IsReady => _models.IsValueCreated;

    /// <summary>Trains if no one has yet; a second caller waits for the first training instead of repeating it.</summary>
    public void Train() => _ = _models.Value;

    public RecommendationPrediction? Predict(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!IsReady)
        {
            return null;
        }

        var (actions, issues) = _models.Value;
        return new RecommendationPrediction(actions.Predict(text), issues.Suggest(text));
    }

    private static (ActionCategoryModel, IssueTagModel) TrainOnShippedFile()
    {
        var rows = UprInfoCsv.Read(RecommendationImporter.ShippedFile).Rows;
        return (ActionCategoryModel.Train(ActionCategoryModel.Examples(rows)), IssueTagModel.Train(IssueTagModel.Examples(rows)));
    }
}
