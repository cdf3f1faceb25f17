using System.CommandLine;
using System.Globalization;
using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Classification;

namespace Spean.Cli;

/// <summary>
/// Measures the prediction models on any labelled file in UPR Info's format. The models are trained on the shipped
/// sessions minus every session in the file, so a file cut from the shipped data is still unseen.
/// </summary>
internal static class EvaluateCommands
{
    private const int BadInput = 2;

    public static Command Evaluate() => new("evaluate", "Measures how well Spean predicts labels that UPR Info assigned, on a labelled CSV.")
    {
        ActionCategories(), Issues(),
    };

    private static Command ActionCategories()
    {
        var file = FileOption();
        var command = new Command("action-categories", "Predicts each row's action category (1-5) from its text and prints accuracy and a confusion matrix.") { file };
        command.SetAction(parse => Run(parse.GetValue(file)!, "an action category", ActionCategoryModel.Examples, (training, rows) =>
        {
            var evaluation = ClassificationEvaluator.EvaluateActions(ActionCategoryModel.Train(training), rows);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Accuracy: {evaluation.Accuracy:P2} ({evaluation.Correct:N0} of {evaluation.Total:N0})"));
            Console.WriteLine();
            Console.WriteLine("Confusion matrix (rows: official category, columns: predicted)");
            Console.WriteLine("     " + string.Concat(Enumerable.Range(1, ActionCategoryModel.CategoryCount).Select(c => $"{c,7}")));
            for (int actual = 1; actual <= ActionCategoryModel.CategoryCount; actual++)
                Console.WriteLine($"{actual,5}" + string.Concat(evaluation.Confusion[actual - 1].Select(n => n.ToString("N0", CultureInfo.InvariantCulture).PadLeft(7))));
        }));
        return command;
    }

    private static Command Issues()
    {
        var file = FileOption();
        var command = new Command("issues", "Suggests each row's issue tags from its text and prints micro-averaged and per-issue precision, recall and F1.") { file };
        command.SetAction(parse => Run(parse.GetValue(file)!, "an issue", IssueTagModel.Examples, (training, rows) =>
        {
            var evaluation = ClassificationEvaluator.EvaluateIssues(IssueTagModel.Train(training), rows);
            var micro = evaluation.Micro;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Micro-averaged precision {micro.Precision:F3}, recall {micro.Recall:F3}, F1 {micro.F1:F3} over {evaluation.Total:N0} rows"));
            Console.WriteLine();
            int width = evaluation.PerIssue.Keys.Max(k => k.Length);
            Console.WriteLine($"{"Issue".PadRight(width)}  Support  Precision  Recall     F1");
            foreach (var (issue, figures) in evaluation.PerIssue.Where(p => p.Value.Support > 0 || p.Value.FalsePositives > 0))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{issue.PadRight(width)}  {figures.Support,7:N0}  {figures.Precision,9:F3}  {figures.Recall,6:F3}  {figures.F1,5:F3}"));
        }));
        return command;
    }

    private static Option<FileInfo> FileOption() => new("--file")
    {
        Description = "A labelled CSV in UPR Info's format (columns To, Text, From, Response, Action, Issue, Session).",
        Required = true,
    };

    private static int Run<T>(FileInfo file, string label, Func<IEnumerable<UprInfoRow>, IEnumerable<T>> examples, Action<List<T>, List<T>> evaluate)
    {
        if (!file.Exists)
            return Fail($"no file at {file.FullName}.");
        var read = UprInfoCsv.Read(file.FullName);
        var rows = examples(read.Rows).ToList();
        if (rows.Count == 0)
            return Fail(read.Rejected is [{ Line: 1 } header] ? $"{file.Name}: {header.Reason}" : $"{file.Name} has no rows with {label} to compare against.");

        var sessions = read.Rows.Select(r => r.Session).ToHashSet();
        var shipped = UprInfoCsv.Read(RecommendationImporter.ShippedFile).Rows.Where(r => !sessions.Contains(r.Session)).ToList();
        var training = examples(shipped).ToList();
        if (training.Count == 0)
            return Fail("the file holds every shipped session, so no session is left to train on.");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Trained on {training.Count:N0} rows of the shipped sessions {Ranges(shipped.Select(r => r.Session))}; evaluated on {rows.Count:N0} rows of session(s) {Ranges(sessions)}."));
        evaluate(training, rows);
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"spean: {message}");
        return BadInput;
    }

    /// <summary>"1-15, 17" for sessions 1 to 15 and 17.</summary>
    private static string Ranges(IEnumerable<int> sessions)
    {
        var sorted = sessions.Distinct().Order().ToList();
        var ranges = new List<string>();
        for (int i = 0; i < sorted.Count;)
        {
            int j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            ranges.Add(i == j ? $"{sorted[i]}" : $"{sorted[i]}-{sorted[j]}");
            i = j + 1;
        }
        return string.Join(", ", ranges);
    }
}
