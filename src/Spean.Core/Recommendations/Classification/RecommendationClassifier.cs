namespace Spean.Core.Recommendations.Classification;

/// <summary>What the models predict for one text. Always a prediction, never UPR Info's official category.</summary>
public sealed record RecommendationPrediction(ActionCategoryPrediction Action, IReadOnlyList<IssueSuggestion> Issues);

/// <summary>
/// Both models, trained from the shipped UPR Info file. Training takes several seconds, so the app starts it in the
/// background; until it is done <see cref="IsReady"/> is false and <see cref="Predict"/> returns null. The action model
/// trains first and alone in a few seconds, the issue model in about half a minute more. The same file gives the same
/// models, so a process trains them once and every classifier in it shares them (a test run starts several apps).
/// </summary>
public sealed class RecommendationClassifier
{
    /// <summary>The longest recommendation UPR Info holds has under a thousand characters; more is several pasted at once.</summary>
    public const int MaxTextLength = 4000;

    private static readonly Lazy<ActionCategoryModel> ShippedActions = new(() => ActionCategoryModel.Train(ActionCategoryModel.Examples(ShippedRows())));
    private static readonly Lazy<IssueTagModel> ShippedIssues = new(() => IssueTagModel.Train(IssueTagModel.Examples(ShippedRows())));
    private volatile ActionCategoryModel? actions;
    private volatile IssueTagModel? issues;

    public bool IsReady => actions is not null && issues is not null;

    /// <summary>Trains if no one has yet; a second caller waits for the first training instead of repeating it.</summary>
    public void Train()
    {
        TrainActions();
        issues = ShippedIssues.Value;
    }

    /// <summary>Trains the action model alone, which is all that filling in missing categories needs (an import of a new cycle).</summary>
    public void TrainActions() => actions = ShippedActions.Value;

    public RecommendationPrediction? Predict(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return (actions, issues) is ({ } action, { } issue) ? new RecommendationPrediction(action.Predict(text), issue.Suggest(text)) : null;
    }

    /// <summary>The predicted action category once the action model is trained, otherwise null.</summary>
    public ActionCategoryPrediction? PredictAction(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return actions?.Predict(text);
    }

    private static IReadOnlyList<UprInfoRow> ShippedRows() => UprInfoCsv.Read(RecommendationImporter.ShippedFile).Rows;
}
