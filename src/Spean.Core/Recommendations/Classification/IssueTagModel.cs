namespace Spean.Core.Recommendations.Classification;

/// <summary>An issue tag suggested for a recommendation, with the model's probability (0-1) for it.</summary>
public sealed record IssueSuggestion(string Issue, double Score);

/// <summary>
/// Suggests UPR Info issue tags (several per recommendation) from its text alone. Two sets of one-vs-rest logistic
/// regressions see the text differently (word parts, or longer phrases weighed the same in short and long texts) and
/// their probabilities are averaged: together they beat either alone by half a point of micro-F1.
/// </summary>
public sealed class IssueTagModel
{
    /// <summary>Chosen by session-grouped cross-validation on sessions 1-15; micro-F1 was flat between 0.25 and 0.35.</summary>
    private const double Threshold = 0.3;

    private const int MinFeatureCount = 2;
    private const int CharacterGramLength = 4;

    private static readonly View[] Views =
    [
        new(WordPartFeatures, Scaling.UnitLength, new(Loss.Logistic, L2: 1e-6, LearningRate: 4, Epochs: 8, AveragedEpochs: 4, Seed: 17)),
        new(PhraseFeatures, Scaling.Fixed, new(Loss.Logistic, L2: 1e-6, LearningRate: 1, Epochs: 8, AveragedEpochs: 4, Seed: 17)),
    ];

    private readonly (FeatureSpace Space, LinearModel Model)[] _members;
    private readonly string[] _issues;

    private IssueTagModel((FeatureSpace, LinearModel)[] members, string[] issues)
    {
        _members = members;
        _issues = issues;
    }

    /// <summary>The issues the model knows, in ordinal order: those that occur in the training examples.</summary>
    public IReadOnlyList<string> Issues => _issues;

    /// <summary>The rows that carry at least one issue, as training or test examples.</summary>
    public static IEnumerable<(string Text, IReadOnlyCollection<string> Issues)> Examples(IEnumerable<UprInfoRow> rows) =>
        rows.Where(r => r.Issues.Count > 0).Select(r => (r.Text, (IReadOnlyCollection<string>)r.Issues));

    /// <summary>Deterministic: the same examples in the same order give the same model.</summary>
    public static IssueTagModel Train(IEnumerable<(string Text, IReadOnlyCollection<string> Issues)> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var list = examples.ToList();
        var issues = list.SelectMany(e => e.Issues).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var issueIndex = issues.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var targets = list.Select(e => e.Issues.Select(i => issueIndex[i]).Distinct().Order().ToArray()).ToList();
        var members = Views.Select(view =>
        {
            // Features are extracted twice rather than kept, which keeps peak memory low.
            var space = FeatureSpace.Build(list.Select(e => view.Features(e.Text)), MinFeatureCount);
            var xs = list.Select(e => view.Vectorize(space, e.Text)).ToList();
            return (space, LinearModel.Train(xs, targets, space.Count, issues.Length, view.Settings));
        }).ToArray();
        return new IssueTagModel(members, issues);
    }

    /// <summary>Every issue whose probability reaches the threshold, most likely first; never empty, as every recommendation has an issue.</summary>
    public IReadOnlyList<IssueSuggestion> Suggest(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var probabilities = new double[_issues.Length];
        for (int m = 0; m < _members.Length; m++)
        {
            var scores = _members[m].Model.Scores(Views[m].Vectorize(_members[m].Space, text));
            for (int i = 0; i < scores.Length; i++)
            {
                probabilities[i] += LinearModel.Sigmoid(scores[i]) / _members.Length;
            }
        }

        return Enumerable.Range(0, probabilities.Length)
            .Select(i => new IssueSuggestion(_issues[i], probabilities[i]))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Issue, StringComparer.Ordinal)
            .Where((s, rank) => rank == 0 || s.Score >= Threshold)
            .ToList();
    }

    /// <summary>Issues follow the subject matter wherever it appears in the text, so both views are bags of words and phrases.</summary>
    private static List<string> WordPartFeatures(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var features = WordsAndPairs(tokens);
        // Four-letter pieces let "homophobia" meet "homophobic" and "counterterrorism" meet "terrorism".
        foreach (var token in tokens.Distinct())
        {
            var word = "<" + token + ">";
            for (int i = 0; i + CharacterGramLength <= word.Length; i++)
            {
                features.Add(string.Concat("c:", word.AsSpan(i, CharacterGramLength)));
            }
        }

        return features;
    }

    private static List<string> PhraseFeatures(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var features = WordsAndPairs(tokens);
        for (int i = 0; i + 2 < tokens.Count; i++)
        {
            features.Add("t:" + tokens[i] + " " + tokens[i + 1] + " " + tokens[i + 2]);
        }

        return features;
    }

    private static List<string> WordsAndPairs(IReadOnlyList<string> tokens)
    {
        var features = tokens.Select(t => "w:" + t).ToList();
        features.AddRange(tokens.Select(t => "s:" + Tokenizer.Stem(t)));
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            features.Add("b:" + tokens[i] + " " + tokens[i + 1]);
        }

        return features;
    }

    private enum Scaling
    {
        /// <summary>Scaled to unit length, so long texts do not dominate.</summary>
        UnitLength,

        /// <summary>Every feature weighs the same in short and long texts.</summary>
        Fixed,
    }

    private sealed record View(Func<string, List<string>> Features, Scaling Scaling, TrainingSettings Settings)
    {
        private const float FixedFeatureValue = 0.2f;

        public SparseVector Vectorize(FeatureSpace space, string text) => Scaling == Scaling.UnitLength
            ? space.Vectorize(Features(text))
            : space.Vectorize(Features(text), _ => false, FixedFeatureValue);
    }
}
