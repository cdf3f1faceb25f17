namespace Spean.Core.Recommendations.Classification;

/// <summary>What the models predict for one text. Always a prediction, never UPR Info's official category.</summary>
public sealed record RecommendationPrediction(ActionCategoryPrediction Action, IReadOnlyList<IssueSuggestion> Issues);

/// <summary>
/// Both models, trained once from the shipped UPR Info file. Training takes several seconds, so the app starts it in the
/// background; until it is done <see cref="IsReady"/> is false and <see cref="Predict"/> returns null. The action model
/// trains first and alone in a few seconds, the issue model in about half a minute more.
/// </summary>
public sealed class RecommendationClassifier
{
    /// <summary>The longest recommendation UPR Info holds has under a thousand characters; more is several pasted at once.</summary>
    public const int MaxTextLength = 4000;

    private readonly Lazy<ActionCategoryModel> _actions = new(() => ActionCategoryModel.Train(ActionCategoryModel.Examples(ShippedRows())));
    private readonly Lazy<IssueTagModel> _issues = new(() => IssueTagModel.Train(IssueTagModel.Examples(ShippedRows())));

    public bool IsReady => _actions.IsValueCreated && _issues.IsValueCreated;

    /// <summary>Trains if no one has yet; a second caller waits for the first training instead of repeating it.</summary>
    public void Train()
    {
        TrainActions();
        _ = _issues.Value;
    }

    /// <summary>Trains the action model alone, which is all that filling in missing categories needs (an import of a new cycle).</summary>
    public void TrainActions() => _ = _actions.Value;

    public RecommendationPrediction? Predict(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!IsReady)
        {
            return null;
        }

        return new RecommendationPrediction(_actions.Value.Predict(text), _issues.Value.Suggest(text));
    }

    /// <summary>The predicted action category once the action model is trained, otherwise null.</summary>
    public ActionCategoryPrediction? PredictAction(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _actions.IsValueCreated ? _actions.Value.Predict(text) : null;
    }

    private static IReadOnlyList<UprInfoRow> ShippedRows() => UprInfoCsv.Read(RecommendationImporter.ShippedFile).Rows;
}
