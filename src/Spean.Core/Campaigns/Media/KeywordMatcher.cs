using Spean.Core.Text;

namespace Spean.Core.Campaigns.Media;

/// <summary>
/// Finds a campaign's keywords in an item as whole words: both the item and each keyword go through the Khmer segmenter
/// (which also splits Latin text at spaces and punctuation), so "mine" does not match "mined" and a Khmer keyword matches
/// only where the item's Khmer text segments into the same words, not inside a longer word.
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
        word.ToLowerInvariant().Replace("\u17D2\u178A", "\u17D2\u178F", StringComparison.Ordinal);
}
