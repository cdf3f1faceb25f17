namespace Spean.Core.Recommendations.Classification;

/// <summary>The predicted UPR Info action category (1-5), how sure the model is (0-1), and the words that decided it.</summary>
public sealed record ActionCategoryPrediction(int Category, double Confidence, IReadOnlyList<string> DecisiveWords);

/// <summary>
/// Predicts UPR Info's action category (1 minimal, 2 continuing, 3 considering, 4 general, 5 specific action)
/// from recommendation text alone, with a linear SVM over word, leading-verb and verb-category features.
/// </summary>
public sealed class ActionCategoryModel
{
    public const int CategoryCount = 5;

    private static readonly TrainingSettings Settings = new(Loss.MulticlassHinge, L2: 1e-4, LearningRate: 0.1, Epochs: 15, AveragedEpochs: 10, Seed: 17);

    private const int MinFeatureCount = 2;
    private const float FixedFeatureValue = 0.3f;
    private const int DecisiveWordCount = 3;

    private static readonly string[] CategoryNames = ["Minimal action", "Continuing action", "Considering action", "General action", "Specific action"];

    private readonly ActionFeatures _features;
    private readonly FeatureSpace _space;
    private readonly LinearModel _model;
    private readonly double _temperature;

    private ActionCategoryModel(ActionFeatures features, FeatureSpace space, LinearModel model, double temperature)
    {
        _features = features;
        _space = space;
        _model = model;
        _temperature = temperature;
    }

    /// <summary>UPR Info's English name of a category, e.g. 5 is "Specific action".</summary>
    public static string CategoryName(int category)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(category, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(category, CategoryCount);
        return CategoryNames[category - 1];
    }

    /// <summary>The rows that carry an action category, as training or test examples.</summary>
    public static IEnumerable<(string Text, int Category)> Examples(IEnumerable<UprInfoRow> rows) =>
        rows.Where(r => r.ActionCategory is not null).Select(r => (r.Text, r.ActionCategory!.Value));

    /// <summary>Deterministic: the same examples in the same order give the same model.</summary>
    public static ActionCategoryModel Train(IEnumerable<(string Text, int Category)> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var list = examples.ToList();
        foreach (var (_, category) in list)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(category, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(category, CategoryCount);
        }

        // Features are extracted twice rather than kept, which keeps peak memory low.
        var features = ActionFeatures.Learn(list);
        var space = FeatureSpace.Build(list.Select(e => features.Extract(e.Text)), MinFeatureCount);
        var xs = list.Select(e => Vectorize(space, features.Extract(e.Text))).ToList();
        var targets = list.Select(e => new[] { e.Category - 1 }).ToList();
        var model = LinearModel.Train(xs, targets, space.Count, CategoryCount, Settings);
        return new ActionCategoryModel(features, space, model, CalibrateTemperature(xs, targets, space.Count));
    }

    public ActionCategoryPrediction Predict(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var x = Vectorize(_space, _features.Extract(text));
        var scores = _model.Scores(x);
        int best = Array.IndexOf(scores, scores.Max());
        return new ActionCategoryPrediction(best + 1, Softmax(scores, _temperature)[best], DecisiveWords(x, best));
    }

    private static SparseVector Vectorize(FeatureSpace space, List<string> features) =>
        space.Vectorize(features, ActionFeatures.IsBag, FixedFeatureValue);

    private List<string> DecisiveWords(SparseVector x, int winner)
    {
        // A feature's push towards the winner is its weight there minus its mean weight over all categories;
        // features showing the same words ("seek" as first word, as verb, as a word) add up.
        var pushes = new Dictionary<string, double>(StringComparer.Ordinal);
        string? mainVerb = ActionFeatures.MainVerbOf(x.Indices.Select(_space.NameOf));
        for (int j = 0; j < x.Indices.Length; j++)
        {
            int f = x.Indices[j];
            double mean = Enumerable.Range(0, CategoryCount).Average(k => _model.Weight(f, k));
            if (ActionFeatures.Readable(_space.NameOf(f), mainVerb) is { } words)
            {
                pushes[words] = pushes.GetValueOrDefault(words) + (_model.Weight(f, winner) - mean) * x.Values[j];
            }
        }

        return pushes.Where(p => p.Value > 0)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(DecisiveWordCount)
            .Select(p => p.Key)
            .ToList();
    }

    /// <summary>
    /// SVM scores are margins, not probabilities; one scale factor turns them into a softmax. It is fitted on every
    /// fifth example, scored by a model trained without them, because margins on training rows are overconfident.
    /// </summary>
    private static double CalibrateTemperature(List<SparseVector> xs, List<int[]> targets, int features)
    {
        var fit = Enumerable.Range(0, xs.Count).Where(i => i % 5 != 0).ToList();
        var check = Enumerable.Range(0, xs.Count).Where(i => i % 5 == 0).ToList();
        var probe = LinearModel.Train(fit.Select(i => xs[i]).ToList(), fit.Select(i => targets[i]).ToList(), features, CategoryCount, Settings);
        return FitTemperature(check.Select(i => probe.Scores(xs[i])).ToList(), check.Select(i => targets[i]).ToList());
    }

    private static double FitTemperature(List<float[]> scores, List<int[]> targets)
    {
        double best = 1, bestLogLikelihood = double.NegativeInfinity;
        for (double t = 0.5; t <= 20; t *= 1.1)
        {
            double logLikelihood = scores.Select((s, i) => Math.Log(Softmax(s, t)[targets[i][0]] + 1e-12)).Sum();
            if (logLikelihood > bestLogLikelihood)
            {
                (best, bestLogLikelihood) = (t, logLikelihood);
            }
        }

        return best;
    }

    private static double[] Softmax(float[] scores, double temperature)
    {
        double max = scores.Max();
        var p = scores.Select(s => Math.Exp((s - max) * temperature)).ToArray();
        double sum = p.Sum();
        return p.Select(v => v / sum).ToArray();
    }
}
