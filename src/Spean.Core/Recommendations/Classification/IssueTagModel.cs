namespace Spean.Core.Recommendations.Classification;

/// <summary>An issue tag suggested for a recommendation, with the model's probability (0-1) for it.</summary>
public sealed record IssueSuggestion(string Issue, double Score);

/// <summary>
/// Suggests UPR Info issue tags (several per recommendation) from its text alone. Two sets of one-vs-rest logistic
/// regressions see the text differently (word parts, or longer phrases weighed the same in short and long texts) and
/// their probabilities are averaged: together they beat either alone by half a point of micro-F1. Scaling each feature
/// by its naive-Bayes log-count ratio for each issue (NBSVM) adds another point. UPR Info leaves out some issues a
/// recommendation plainly has; adding to the training labels the issues that models trained on other sessions are
/// sure of makes the suggestions a fifth of a point better.
/// </summary>
public sealed class IssueTagModel
{
    /// <summary>Chosen by session-grouped cross-validation on sessions 1-15; micro-F1 was flat between 0.3 and 0.4.</summary>
    private const double Threshold = 0.35;

    /// <summary>How sure the models trained on other sessions must be of an issue the labels lack before it is added; flat between 0.7 and 0.95.</summary>
    private const double AddedIssueProbability = 0.9;

    private const int SessionGroups = 3;

    private const int MinFeatureCount = 2;
    private const int CharacterGramLength = 4;

    private static readonly View[] Views =
    [
        new(WordPartFeatures, Scaling.UnitLength, new(Loss.Logistic, L2: 1e-6, LearningRate: 4, Epochs: 8, AveragedEpochs: 4, Seed: 17, NaiveBayesScaled: true)),
        new(PhraseFeatures, Scaling.Fixed, new(Loss.Logistic, L2: 1e-6, LearningRate: 1, Epochs: 8, AveragedEpochs: 4, Seed: 17, NaiveBayesScaled: true)),
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

    /// <summary>The rows that carry at least one issue, as training or test examples. The session only groups rows in training.</summary>
    public static IEnumerable<(string Text, IReadOnlyCollection<string> Issues, int Session)> Examples(IEnumerable<UprInfoRow> rows) =>
        rows.Where(r => r.Issues.Count > 0).Select(r => (r.Text, (IReadOnlyCollection<string>)r.Issues, r.Session));

    /// <summary>Deterministic: the same examples in the same order give the same model.</summary>
    public static IssueTagModel Train(IEnumerable<(string Text, IReadOnlyCollection<string> Issues, int Session)> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var list = examples.ToList();
        var issues = list.SelectMany(e => e.Issues).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var issueIndex = issues.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var targets = list.Select(e => e.Issues.Select(i => issueIndex[i]).Distinct().Order().ToArray()).ToArray();
        var texts = list.Select(e => e.Text).ToArray();
        var completed = WithConfidentIssuesAdded(texts, targets, list.Select(e => e.Session).ToArray(), issues.Length);
        return new IssueTagModel(TrainMembers(texts, completed, issues.Length, epochs: null), issues);
    }

    /// <summary>Every issue whose probability reaches the threshold, most likely first; never empty, as every recommendation has an issue.</summary>
    public IReadOnlyList<IssueSuggestion> Suggest(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var probabilities = Probabilities(_members, text);
        return Enumerable.Range(0, probabilities.Length)
            .Select(i => new IssueSuggestion(_issues[i], probabilities[i]))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Issue, StringComparer.Ordinal)
            .Where((s, rank) => rank == 0 || s.Score >= Threshold)
            .ToList();
    }

    private static (FeatureSpace, LinearModel)[] TrainMembers(IReadOnlyList<string> texts, IReadOnlyList<int[]> targets, int issueCount, int? epochs) =>
        Views.Select(view =>
        {
            // Features are extracted twice rather than kept, which keeps peak memory low.
            var space = FeatureSpace.Build(texts.Select(view.Features), MinFeatureCount);
            var xs = texts.Select(t => view.Vectorize(space, t)).ToList();
            var settings = epochs is int e ? view.Settings with { Epochs = e, AveragedEpochs = e / 2 } : view.Settings;
            return (space, LinearModel.Train(xs, targets, space.Count, issueCount, settings));
        }).ToArray();

    private static double[] Probabilities((FeatureSpace Space, LinearModel Model)[] members, string text)
    {
        var probabilities = new double[members[0].Model.Outputs];
        for (int m = 0; m < members.Length; m++)
        {
            var scores = members[m].Model.Scores(Views[m].Vectorize(members[m].Space, text));
            for (int i = 0; i < scores.Length; i++)
            {
                probabilities[i] += LinearModel.Sigmoid(scores[i]) / members.Length;
            }
        }

        return probabilities;
    }

    /// <summary>
    /// Adds to each row the issues that models trained on the other sessions give more than AddedIssueProbability.
    /// Grouping by session makes those probabilities what the model would say about an unseen session; half the
    /// epochs score the same here and halve the cost. Dropping labels the models doubt made the suggestions worse.
    /// </summary>
    private static int[][] WithConfidentIssuesAdded(string[] texts, int[][] targets, int[] rowSessions, int issueCount)
    {
        var sessions = rowSessions.Distinct().Order().ToArray();
        if (sessions.Length < SessionGroups)
        {
            return targets;
        }

        var group = sessions.Select((session, i) => (session, i)).ToDictionary(p => p.session, p => p.i * SessionGroups / sessions.Length);
        var completed = new int[targets.Length][];
        for (int g = 0; g < SessionGroups; g++)
        {
            var inGroup = Enumerable.Range(0, texts.Length).Where(i => group[rowSessions[i]] == g).ToArray();
            var rest = Enumerable.Range(0, texts.Length).Where(i => group[rowSessions[i]] != g).ToArray();
            var members = TrainMembers(rest.Select(i => texts[i]).ToArray(), rest.Select(i => targets[i]).ToArray(), issueCount, epochs: 4);
            foreach (int i in inGroup)
            {
                var probabilities = Probabilities(members, texts[i]);
                completed[i] = targets[i].Union(Enumerable.Range(0, issueCount).Where(k => probabilities[k] > AddedIssueProbability)).Order().ToArray();
            }
        }

        return completed;
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
