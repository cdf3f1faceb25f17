namespace Spean.Core.Recommendations.Classification;

/// <summary>An issue tag suggested for a recommendation, with the model's probability (0-1) for it.</summary>
public sealed record IssueSuggestion(string Issue, double Score);

/// <summary>
/// Suggests UPR Info issue tags (several per recommendation) from its text alone, with one logistic regression
/// per issue over words, word stems and word pairs.
/// </summary>
public sealed class IssueTagModel
{
    private static readonly TrainingSettings Settings = new(Loss.Logistic, L2: 1e-6, LearningRate: 4, Epochs: 12, AveragedEpochs: 6, Seed: 17);

    /// <summary>Chosen by session-grouped cross-validation on sessions 1-15; micro-F1 was flat between 0.25 and 0.35.</summary>
    private const double Threshold = 0.3;

    private const int MinFeatureCount = 2;

    private readonly FeatureSpace _space;
    private readonly LinearModel _model;
    private readonly string[] _issues;

    private IssueTagModel(FeatureSpace space, LinearModel model, string[] issues)
    {
        _space = space;
        _model = model;
        _issues = issues;
    }

    /// <summary>The issues the model knows, in ordinal order: those that occur in the training examples.</summary>
    public IReadOnlyList<string> Issues => _issues;

    /// <summary>Deterministic: the same examples in the same order give the same model.</summary>
    public static IssueTagModel Train(IEnumerable<(string Text, IReadOnlyCollection<string> Issues)> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var list = examples.ToList();
        var issues = list.SelectMany(e => e.Issues).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var issueIndex = issues.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        // Features are extracted twice rather than kept, which keeps peak memory low.
        var space = FeatureSpace.Build(list.Select(e => Features(e.Text)), MinFeatureCount);
        var xs = list.Select(e => space.Vectorize(Features(e.Text))).ToList();
        var targets = list.Select(e => e.Issues.Select(i => issueIndex[i]).Distinct().Order().ToArray()).ToList();
        return new IssueTagModel(space, LinearModel.Train(xs, targets, space.Count, issues.Length, Settings), issues);
    }

    /// <summary>Every issue whose probability reaches the threshold, most likely first; never empty, as every recommendation has an issue.</summary>
    public IReadOnlyList<IssueSuggestion> Suggest(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scores = _model.Scores(_space.Vectorize(Features(text)));
        return Enumerable.Range(0, scores.Length)
            .Select(i => new IssueSuggestion(_issues[i], LinearModel.Sigmoid(scores[i])))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Issue, StringComparer.Ordinal)
            .Where((s, rank) => rank == 0 || s.Score >= Threshold)
            .ToList();
    }

    /// <summary>Issues follow the subject matter wherever it appears in the text, so a plain bag of words and phrases.</summary>
    private static List<string> Features(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var features = tokens.Select(t => "w:" + t).ToList();
        features.AddRange(tokens.Select(t => "s:" + Tokenizer.Stem(t)));
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            features.Add("b:" + tokens[i] + " " + tokens[i + 1]);
        }

        return features;
    }
}
