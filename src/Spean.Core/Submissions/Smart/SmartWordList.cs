using System.Globalization;
using System.Text.RegularExpressions;
using Spean.Core.Text;

namespace Spean.Core.Submissions.Smart;

/// <summary>One text cut into words the way the word lists are matched: lower case, Khmer through the segmenter.</summary>
internal sealed partial class SmartWords
{
    private SmartWords(IReadOnlyList<string> words) => Words = words;

    public IReadOnlyList<string> Words { get; }

    public static SmartWords Of(string text, KhmerSegmenter segmenter)
    {
        var words = new List<string>();
        foreach (var token in segmenter.Segment(text))
        {
            if (token.Any(KhmerScript.IsKhmer) && KhmerLexicon.Normalise(token) is { } khmer)
            {
                words.Add(khmer);
                continue;
            }
            foreach (Match m in LatinWord().Matches(token))
                words.Add(m.Value.ToLowerInvariant());
        }
        return new SmartWords(words);
    }

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}.,\-]*[\p{L}\p{M}\p{N}]|[\p{L}\p{M}\p{N}]|%")]
    private static partial Regex LatinWord();
}

/// <summary>A match: where it starts and ends (word indices, end exclusive) and the entry that matched.</summary>
internal readonly record struct SmartMatch(int Start, int End, string Entry);

/// <summary>
/// A list of phrases from data/smart (see its README): whole words in order, <c>word*</c> for a prefix, <c>{n}</c> for a
/// number and <c>{year}</c> for a year. Khmer words of an entry match any run of the text's words that spells them, so
/// the segmenter may cut a phrase differently in a sentence than alone.
/// </summary>
internal sealed class SmartWordList
{
    private static readonly HashSet<string> NumberWords = new(StringComparer.Ordinal)
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
        "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million",
        "មួយ", "ពីរ", "បី", "បួន", "ប្រាំ", "ប្រាំមួយ", "ប្រាំពីរ", "ប្រាំបី", "ប្រាំបួន", "ដប់", "ម្ភៃ", "សាមសិប", "សែសិប", "ហាសិប", "រយ", "ពាន់", "លាន",
    };

    private readonly List<(string Entry, string[] Parts)> entries;

    private SmartWordList(List<(string, string[])> entries) => this.entries = entries;

    public int Count => entries.Count;

    public static SmartWordList Parse(IEnumerable<string> lines) => new(lines
        .Select(l => l.Split('#')[0].Trim())
        .Where(l => l.Length > 0)
        .Select(l => (l, l.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Any(KhmerScript.IsKhmer) ? KhmerLexicon.Normalise(p.Replace(" ", "", StringComparison.Ordinal)) ?? p : p.ToLowerInvariant())
            .ToArray()))
        .ToList());

    public static SmartWordList Load(string path) => Parse(File.ReadLines(path));

    /// <summary>Every place an entry matches, the longest where several start at one word, left to right without overlaps.</summary>
    public List<SmartMatch> Matches(SmartWords text)
    {
        var found = new List<SmartMatch>();
        var words = text.Words;
        for (var i = 0; i < words.Count;)
        {
            SmartMatch? best = null;
            foreach (var (entry, parts) in entries)
                if (MatchAt(words, i, parts) is { } end && (best is null || end > best.Value.End))
                    best = new SmartMatch(i, end, entry);
            if (best is { } b)
            {
                found.Add(b);
                i = b.End;
            }
            else i++;
        }
        return found;
    }

    /// <summary>The text's own words of a match, as the reader wrote them (lower case).</summary>
    public static string Words(SmartWords text, SmartMatch match)
    {
        var slice = text.Words.Skip(match.Start).Take(match.End - match.Start).ToList();
        return slice.All(w => w.Any(KhmerScript.IsKhmer)) ? string.Concat(slice) : string.Join(' ', slice);
    }

    private static int? MatchAt(IReadOnlyList<string> words, int start, string[] parts)
    {
        var i = start;
        foreach (var part in parts)
        {
            if (i >= words.Count) return null;
            if (part == "{n}")
            {
                if (!IsNumber(words[i])) return null;
                i++;
            }
            else if (part == "{year}")
            {
                if (!IsYear(words[i])) return null;
                i++;
            }
            else if (part.EndsWith('*'))
            {
                if (!words[i].StartsWith(part[..^1], StringComparison.Ordinal)) return null;
                i++;
            }
            else if (SpelledBy(words, i, part) is { } next) i = next;
            else return null;
        }
        return i;
    }

    /// <summary>The index after the run of words starting at <paramref name="start"/> that spells <paramref name="part"/>.</summary>
    private static int? SpelledBy(IReadOnlyList<string> words, int start, string part)
    {
        var length = 0;
        for (var i = start; i < words.Count; i++)
        {
            var word = words[i];
            if (length + word.Length > part.Length || string.CompareOrdinal(part, length, word, 0, word.Length) != 0) return null;
            length += word.Length;
            if (length == part.Length) return i + 1;
            if (!part.Any(KhmerScript.IsKhmer)) return null;
        }
        return null;
    }

    private static bool IsNumber(string word) =>
        NumberWords.Contains(word)
        || (char.IsAsciiDigit(word[0]) || KhmerScript.IsDigit(word[0])) && word.All(c => char.IsAsciiDigit(c) || KhmerScript.IsDigit(c) || c is ',' or '.');

    private static bool IsYear(string word)
    {
        if (word.Length != 4) return false;
        var western = string.Concat(word.Select(c => KhmerScript.IsDigit(c) ? (char)('0' + (c - '\u17E0')) : c));
        return int.TryParse(western, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2099;
    }
}
