using Spean.Core.Text;

namespace Spean.Core.Campaigns.Media;

/// <summary>
/// Finds a campaign's keywords in an item as whole words: both the item and each keyword go through the Khmer segmenter
/// (which also splits Latin text at spaces and punctuation), so "mine" does not match "mined" and a Khmer keyword matches
/// only where the item's Khmer text segments into the same words, not inside a longer word. An English word and its
/// plural are one word ("landmine", "landmines"): headlines use either, and a coordinator types one.
/// </summary>
public sealed class KeywordMatcher(KhmerSegmenter segmenter)
{
    /// <summary>Keywords are separated by commas, Khmer commas or new lines.</summary>
    public static IReadOnlyList<string> Split(string keywords) =>
        [.. keywords.Split([',', '\n', '\r', ';', '\u104A'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    public IReadOnlyList<string> Words(string text) =>
        [.. segmenter.Segment(text).Where(t => t.Any(char.IsLetterOrDigit)).Select(Normalise)];

    /// <summary>The keywords of <paramref name="keywords"/> found in <paramref name="words"/> (the item's words, from <see cref="Words"/>).</summary>
    public IReadOnlyList<string> Matches(IReadOnlyList<string> words, IEnumerable<string> keywords)
    {
        var found = new List<string>();
        foreach (var keyword in keywords)
        {
            var sequence = Words(keyword);
            if (sequence.Count > 0 && Contains(words, sequence)) found.Add(keyword);
        }
        return found;
    }

    private static bool Contains(IReadOnlyList<string> words, IReadOnlyList<string> sequence)
    {
        for (var start = 0; start + sequence.Count <= words.Count; start++)
        {
            var i = 0;
            while (i < sequence.Count && words[start + i] == sequence[i]) i++;
            if (i == sequence.Count) return true;
        }
        return false;
    }

    // Subscript DA and subscript TA spell the same words in common use (as in the report search).
    private static string Normalise(string word) =>
        Singular(word.ToLowerInvariant().Replace("\u17D2\u178A", "\u17D2\u178F", StringComparison.Ordinal));

    /// <summary>
    /// The regular English plurals of words longer than three letters, made singular: "mines" → "mine", "munitions" →
    /// "munition", "casualties" → "casualty", "bushes" → "bush". Crude on purpose: item and keyword go through the same
    /// rule, so what matters is that both forms of a word end up alike, not that the result is a dictionary word.
    /// </summary>
    public static string Singular(string word)
    {
        if (word.Length <= 3 || !word.All(char.IsAsciiLetterLower) || word.EndsWith("ss", StringComparison.Ordinal)) return word;
        if (word.EndsWith("ies", StringComparison.Ordinal)) return word[..^3] + "y";
        if (word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)
            || word.EndsWith("xes", StringComparison.Ordinal) || word.EndsWith("sses", StringComparison.Ordinal)) return word[..^2];
        return word.EndsWith('s') ? word[..^1] : word;
    }
}
