using System.Text.RegularExpressions;
using Spean.Core.Campaigns.Media;
using Spean.Core.Text;

namespace Spean.Web.Campaigns.Media;

/// <summary>Splits an item's text into runs, marking where a matched keyword stands, for &lt;mark&gt; on the inbox page.</summary>
internal static class MediaHighlight
{
    public static IReadOnlyList<(string Text, bool Marked)> Runs(string text, IReadOnlyList<string> keywords)
    {
        if (keywords.Count == 0 || text.Length == 0) return [(text, false)];
        // Latin keywords only as whole words; Khmer ones wherever they stand, since Khmer writes no spaces between words.
        var pattern = string.Join('|', keywords.OrderByDescending(k => k.Length).Select(k =>
            k.Any(KhmerScript.IsKhmer) ? Regex.Escape(k) : $@"(?<![\p{{L}}\p{{N}}]){LatinWord(k)}(?![\p{{L}}\p{{N}}])"));
        var runs = new List<(string, bool)>();
        var at = 0;
        foreach (Match match in Regex.Matches(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            if (match.Index > at) runs.Add((text[at..match.Index], false));
            runs.Add((match.Value, true));
            at = match.Index + match.Length;
        }
        if (at < text.Length) runs.Add((text[at..], false));
        return runs;
    }

    /// <summary>The keyword and its plural, as the matcher takes them (<see cref="KeywordMatcher.Singular"/>).</summary>
    private static string LatinWord(string keyword)
    {
        var words = keyword.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var last = KeywordMatcher.Singular(words[^1].ToLowerInvariant());
        var ending = last.EndsWith('y') ? Regex.Escape(last[..^1]) + "(?:y|ys|ies)" : Regex.Escape(last) + "(?:e?s)?";
        return string.Join(@"\s+", words[..^1].Select(Regex.Escape).Append(ending));
    }
}
