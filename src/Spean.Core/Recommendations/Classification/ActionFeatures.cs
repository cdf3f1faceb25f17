namespace Spean.Core.Recommendations.Classification;

/// <summary>
/// Turns a recommendation into feature names for the action category. The category hinges on the leading verb
/// and what it acts on ("Continue…" 2, "Consider…" 3, "Adopt measures…" 4, "Adopt a law…" 5), so besides a bag of
/// words and word pairs the opening words, the main verb and the verb's pairings with later words get their own features.
/// </summary>
internal static class ActionFeatures
{
    private const int PositionTokens = 4;
    private const int PrefixLength = 3;
    private const int VerbPhraseLength = 2;
    private const int ObjectWindow = 4;
    private const int VerbSkipWindow = 5;

    // Words that can stand before the main verb: "Further strengthen…", "That the Government ratify…".
    private static readonly HashSet<string> LeadIns = new(StringComparer.Ordinal)
    {
        "further", "also", "to", "that", "the", "it", "its", "should", "government", "state", "re", "and", "as", "well",
    };

    // Phrases ending in one of these explain nothing to a reader ("consider … the").
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "all", "and", "any", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its",
        "of", "on", "or", "such", "that", "the", "their", "these", "this", "those", "to", "which", "with",
    };

    /// <summary>Bag features are scaled by text length; the others are not.</summary>
    public static bool IsBag(string feature) => feature.StartsWith("w:", StringComparison.Ordinal) || feature.StartsWith("b:", StringComparison.Ordinal);

    public static List<string> Extract(string text)
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

        AddVerbFeatures(tokens, features);
        features.Add("len:" + (int)Math.Log2(tokens.Count + 1));
        features.Add("commas:" + Math.Min(4, text.Count(c => c is ',' or ';')));
        return features;
    }

    private static void AddVerbFeatures(IReadOnlyList<string> tokens, List<string> features)
    {
        int v = 0;
        while (v < tokens.Count && (LeadIns.Contains(tokens[v]) || tokens[v].EndsWith("ly", StringComparison.Ordinal)))
        {
            v++;
        }

        if (v == tokens.Count)
        {
            return;
        }

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

    /// <summary>The words behind a feature, for people ("vs:take abolish" is "take … abolish"); null if they say nothing.</summary>
    public static string? Readable(string feature)
    {
        int colon = feature.IndexOf(':', StringComparison.Ordinal);
        string kind = feature[..colon];
        string words = feature[(colon + 1)..];
        if (kind is "len" or "commas" || FunctionWords.Contains(words[(words.LastIndexOf(' ') + 1)..]))
        {
            return null;
        }

        return kind is "vs" or "vw" ? words.Replace(" ", " … ", StringComparison.Ordinal) : words;
    }
}
