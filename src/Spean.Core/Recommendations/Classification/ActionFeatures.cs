using System.Globalization;

namespace Spean.Core.Recommendations.Classification;

/// <summary>
/// Turns a recommendation into feature names for the action category. The category hinges on the leading verb
/// and what it acts on ("Continue…" 2, "Consider…" 3, "Adopt measures…" 4, "Adopt a law…" 5), so besides a bag of
/// words and word pairs the opening words, the main verb, the verb's pairings with later words and the categories
/// of the verbs in the text get their own features.
/// </summary>
internal sealed class ActionFeatures
{
    private const int PositionTokens = 4;
    private const int PrefixLength = 3;
    private const int VerbPhraseLength = 2;
    private const int ObjectWindow = 4;
    private const int VerbSkipWindow = 5;
    private const int MaxOpeningPhrase = 25;

    // Words that can stand before the main verb: "Further strengthen…", "That the Government ratify…".
    private static readonly HashSet<string> LeadIns = new(StringComparer.Ordinal)
    {
        "further", "also", "to", "that", "the", "it", "its", "should", "government", "state", "re", "and", "as", "well",
    };

    // "In line with the Committee's recommendation, adopt…": the main verb follows the opening phrase's comma.
    private static readonly HashSet<string> OpeningPrepositions = new(StringComparer.Ordinal)
    {
        "in", "with", "within", "while", "given", "bearing", "following", "taking", "regarding", "concerning", "upon",
        "through", "for", "on", "at", "after", "before", "recalling", "noting", "as", "building", "considering", "based",
        "pursuant", "according", "under", "from", "by", "during", "where", "if", "when", "recognizing", "recognising",
    };

    private static readonly HashSet<string> MeansWords = new(StringComparer.Ordinal) { "by", "through", "including" };

    // Kinds of feature that name no words ("la:5" is "a category-5 verb follows the main verb").
    private static readonly HashSet<string> WordlessKinds = new(StringComparer.Ordinal)
    {
        "len", "commas", "la", "lmax", "lby", "da", "dby", "dmax", "gerund",
    };

    // Phrases ending in one of these explain nothing to a reader ("consider … the").
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "all", "and", "any", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its",
        "of", "on", "or", "such", "that", "the", "their", "these", "this", "those", "to", "which", "with",
    };

    /// <summary>Bag features are scaled by text length; the others are not.</summary>
    public static bool IsBag(string feature) => feature.StartsWith("w:", StringComparison.Ordinal) || feature.StartsWith("b:", StringComparison.Ordinal);

    private readonly ActionVerbs _verbs;

    private ActionFeatures(ActionVerbs verbs) => _verbs = verbs;

    /// <summary>Learns from the training texts which category each frequent main verb stands for.</summary>
    public static ActionFeatures Learn(IEnumerable<(string Text, int Category)> examples) =>
        new(ActionVerbs.Learn(examples.Select(e =>
        {
            var tokens = Tokenizer.Tokenize(e.Text);
            return (tokens, MainVerb(e.Text, tokens), e.Category);
        })));

    public List<string> Extract(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var features = new List<string>();
        features.AddRange(tokens.Select(t => "w:" + t));
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            features.Add("b:" + tokens[i] + " " + tokens[i + 1]);
        }

        for (int i = 0; i < Math.Min(PositionTokens, tokens.Count); i++)
        {
            features.Add("p" + i + ":" + tokens[i]);
        }

        for (int n = 1; n <= Math.Min(PrefixLength, tokens.Count); n++)
        {
            features.Add("f" + n + ":" + string.Join(' ', tokens.Take(n)));
        }

        int v = MainVerb(text, tokens);
        if (v < tokens.Count)
        {
            AddVerbFeatures(tokens, v, features);
            AddVerbCategoryFeatures(tokens, v, features);
        }

        features.Add("len:" + (int)Math.Log2(tokens.Count + 1));
        features.Add("commas:" + Math.Min(4, text.Count(c => c is ',' or ';')));
        return features;
    }

    /// <summary>The index of the main verb, or the token count if every token is a lead-in.</summary>
    private static int MainVerb(string text, IReadOnlyList<string> tokens)
    {
        int v = 0;
        int comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0 && tokens.Count > 0 && OpeningPrepositions.Contains(tokens[0]))
        {
            int phrase = Tokenizer.Tokenize(text[..comma]).Count;
            v = phrase <= MaxOpeningPhrase && phrase < tokens.Count ? phrase : 0;
        }

        while (v < tokens.Count && (LeadIns.Contains(tokens[v]) || tokens[v].EndsWith("ly", StringComparison.Ordinal)))
        {
            v++;
        }

        return v;
    }

    private static void AddVerbFeatures(IReadOnlyList<string> tokens, int v, List<string> features)
    {
        string verb = tokens[v];
        features.Add("v:" + verb);
        for (int n = 1; n <= VerbPhraseLength && v + n < tokens.Count; n++)
        {
            features.Add("v" + n + ":" + string.Join(' ', tokens.Skip(v).Take(n + 1)));
        }

        for (int j = 1; j <= ObjectWindow && v + j < tokens.Count; j++)
        {
            features.Add("o:" + tokens[v + j]);
        }

        for (int j = 2; j <= VerbSkipWindow && v + j < tokens.Count; j++)
        {
            features.Add("vs:" + verb + " " + tokens[v + j]);
        }

        foreach (var word in tokens.Skip(v + 1).Where(t => t.Length > 3 && !LeadIns.Contains(t)).Distinct())
        {
            features.Add("vw:" + verb + " " + word);
        }
    }

    /// <summary>
    /// The category of the main verb, of the verbs after it (also those naming the means: "by ratifying") and the most
    /// specific of them: "l…" features from UPR Info's verb list, "d…" from the verbs learned in training.
    /// </summary>
    private void AddVerbCategoryFeatures(IReadOnlyList<string> tokens, int v, List<string> features)
    {
        string main = ActionVerbs.PublishedCategory(tokens[v])?.ToString(CultureInfo.InvariantCulture) ?? "none";
        var published = new SortedSet<int>();
        var learned = new SortedSet<int>();
        for (int i = v + 1; i < tokens.Count; i++)
        {
            bool means = MeansWords.Contains(tokens[i - 1]);
            if (ActionVerbs.PublishedCategory(tokens[i]) is { } p)
            {
                published.Add(p);
                if (means)
                {
                    features.Add("lby:" + p);
                }
            }

            if (_verbs.LearnedCategory(tokens[i]) is { } l)
            {
                learned.Add(l);
                if (means)
                {
                    features.Add("dby:" + l);
                }
            }
        }

        int mostSpecific = published.Count == 0 ? 0 : published.Max;
        features.Add("lv:" + main);
        features.Add("lmax:" + mostSpecific);
        features.Add("lmm:" + main + "," + mostSpecific);
        features.AddRange(published.Select(c => "la:" + c));
        features.AddRange(learned.Select(c => "da:" + c));
        features.Add("dmax:" + (learned.Count == 0 ? 0 : learned.Max));
        for (int i = v + 1; i + 1 < tokens.Count; i++)
        {
            if (tokens[i] is "by" or "through" && tokens[i + 1].EndsWith("ing", StringComparison.Ordinal))
            {
                features.Add("gerund:by");
                break;
            }
        }
    }

    /// <summary>The main verb named by one of a text's features, if any.</summary>
    public static string? MainVerbOf(IEnumerable<string> features) =>
        features.FirstOrDefault(f => f.StartsWith("v:", StringComparison.Ordinal))?[2..];

    /// <summary>
    /// The words behind a feature, for people ("vs:take abolish" is "take … abolish"; the main verb's category is the
    /// main verb); null if they say nothing.
    /// </summary>
    public static string? Readable(string feature, string? mainVerb)
    {
        int colon = feature.IndexOf(':', StringComparison.Ordinal);
        string kind = feature[..colon];
        string words = feature[(colon + 1)..];
        if (kind is "lv" or "lmm")
        {
            return mainVerb;
        }

        if (WordlessKinds.Contains(kind) || FunctionWords.Contains(words[(words.LastIndexOf(' ') + 1)..]))
        {
            return null;
        }

        return kind is "vs" or "vw" ? words.Replace(" ", " … ", StringComparison.Ordinal) : words;
    }
}
