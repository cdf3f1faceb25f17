namespace Spean.Core.Recommendations.Classification;

/// <summary>
/// The action category a verb stands for. UPR Info classifies a recommendation by its verb, and a text is often as
/// specific as its most specific verb ("Continue its efforts… by ratifying" is 5), so verbs past the main one count too.
/// Two sources: UPR Info's published verb list (widened with close synonyms), which covers rare inflections, and the
/// category each frequent main verb mostly leads to in the training texts, which covers every other verb.
/// </summary>
internal sealed class ActionVerbs
{
    private const int MinLearnedCount = 5;
    private const double MinLearnedShare = 0.6;

    private static readonly Dictionary<string, int> Published = BuildPublished();

    private readonly Dictionary<string, int> _learned; // stem of a main verb -> category

    private ActionVerbs(Dictionary<string, int> learned) => _learned = learned;

    public static ActionVerbs Learn(IEnumerable<(IReadOnlyList<string> Tokens, int MainVerb, int Category)> examples)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (tokens, v, category) in examples.Where(e => e.MainVerb < e.Tokens.Count))
        {
            string stem = Tokenizer.Stem(tokens[v]);
            if (!counts.TryGetValue(stem, out var perCategory))
            {
                counts[stem] = perCategory = new int[ActionCategoryModel.CategoryCount];
            }

            perCategory[category - 1]++;
        }

        return new ActionVerbs(counts
            .Where(kv => kv.Value.Sum() >= MinLearnedCount && kv.Value.Max() >= MinLearnedShare * kv.Value.Sum())
            .ToDictionary(kv => kv.Key, kv => Array.IndexOf(kv.Value, kv.Value.Max()) + 1, StringComparer.Ordinal));
    }

    /// <summary>UPR Info's category of a word form ("ratifying" 5), if it is a listed verb.</summary>
    public static int? PublishedCategory(string token) => Published.TryGetValue(token, out int c) ? c : null;

    /// <summary>The category the word's stem mostly leads to as a main verb in the training texts.</summary>
    public int? LearnedCategory(string token) => _learned.TryGetValue(Tokenizer.Stem(token), out int c) ? c : null;

    private static Dictionary<string, int> BuildPublished()
    {
        string[] verbs =
        [
            "seek share request",
            "continue maintain persevere pursue keep sustain",
            "analyse analyze consider envisage explore reflect review study examine assess evaluate",
            "accelerate encourage engage ensure guarantee intensify join promote protect respect strengthen take raise enhance " +
            "improve increase step redouble combat fight support provide facilitate foster",
            "conduct develop eliminate establish investigate undertake abolish accede adopt amend implement enforce ratify " +
            "create set enact introduce revise repeal withdraw decriminalize decriminalise criminalize criminalise prohibit " +
            "ban extend issue sign allocate prosecute launch finalize finalise bring harmonize harmonise incorporate " +
            "elaborate submit lift remove",
        ];
        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < verbs.Length; c++)
        {
            foreach (var form in verbs[c].Split(' ').SelectMany(Forms))
            {
                categories.TryAdd(form, c + 1);
            }
        }

        return categories;
    }

    private static IEnumerable<string> Forms(string verb)
    {
        yield return verb;
        if (verb.EndsWith('y'))
        {
            yield return verb[..^1] + "ies";
            yield return verb[..^1] + "ied";
            yield return verb + "ing";
        }
        else if (verb.EndsWith('e'))
        {
            yield return verb + "s";
            yield return verb + "d";
            yield return verb[..^1] + "ing";
        }
        else
        {
            yield return verb + "s";
            yield return verb + "ed";
            yield return verb + "ing";
            if (verb[^1] is 't' or 'n' or 'p' or 'g' or 'm')
            {
                // "setting", "banned", "stepped", "submitted"; the forms that never occur cost nothing.
                yield return verb + verb[^1] + "ing";
                yield return verb + verb[^1] + "ed";
            }
        }
    }
}
