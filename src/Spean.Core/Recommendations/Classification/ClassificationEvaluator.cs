namespace Spean.Core.Recommendations.Classification;

/// <summary>Accuracy and confusion matrix; Confusion[actual - 1][predicted - 1] counts rows.</summary>
public sealed record ActionCategoryEvaluation(int Total, int Correct, IReadOnlyList<IReadOnlyList<int>> Confusion)
{
    public double Accuracy => Total == 0 ? 0 : Correct / (double)Total;
}

public sealed record PrecisionRecall(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    public double F1 => Ratio(2 * TruePositives, 2 * TruePositives + FalsePositives + FalseNegatives);

    /// <summary>How many rows really carry the tag.</summary>
    public int Support => TruePositives + FalseNegatives;

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : numerator / (double)denominator;
}

public sealed record IssueEvaluation(int Total, PrecisionRecall Micro, IReadOnlyDictionary<string, PrecisionRecall> PerIssue);

/// <summary>Scores trained models against labelled rows that were parsed elsewhere.</summary>
public static class ClassificationEvaluator
{
    public static ActionCategoryEvaluation EvaluateActions(ActionCategoryModel model, IEnumerable<(string Text, int Category)> rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        var confusion = new int[ActionCategoryModel.CategoryCount][];
        for (int i = 0; i < confusion.Length; i++)
        {
            confusion[i] = new int[ActionCategoryModel.CategoryCount];
        }

        int total = 0, correct = 0;
        foreach (var (text, category) in rows)
        {
            int predicted = model.Predict(text).Category;
            confusion[category - 1][predicted - 1]++;
            total++;
            correct += predicted == category ? 1 : 0;
        }

        return new ActionCategoryEvaluation(total, correct, confusion);
    }

    public static IssueEvaluation EvaluateIssues(IssueTagModel model, IEnumerable<(string Text, IReadOnlyCollection<string> Issues, int Session)> rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        var counts = new SortedDictionary<string, int[]>(StringComparer.Ordinal); // tp, fp, fn
        foreach (var issue in model.Issues)
        {
            counts[issue] = new int[3];
        }

        int total = 0;
        foreach (var (text, issues, _) in rows)
        {
            var actual = issues.ToHashSet(StringComparer.Ordinal);
            var predicted = model.Suggest(text).Select(s => s.Issue).ToHashSet(StringComparer.Ordinal);
            foreach (var issue in actual.Union(predicted))
            {
                if (!counts.TryGetValue(issue, out var c))
                {
                    counts[issue] = c = new int[3];
                }

                c[actual.Contains(issue) ? (predicted.Contains(issue) ? 0 : 2) : 1]++;
            }

            total++;
        }

        var perIssue = counts.ToDictionary(kv => kv.Key, kv => new PrecisionRecall(kv.Value[0], kv.Value[1], kv.Value[2]), StringComparer.Ordinal);
        var micro = new PrecisionRecall(
            perIssue.Values.Sum(v => v.TruePositives), perIssue.Values.Sum(v => v.FalsePositives), perIssue.Values.Sum(v => v.FalseNegatives));
        return new IssueEvaluation(total, micro, perIssue);
    }
}
