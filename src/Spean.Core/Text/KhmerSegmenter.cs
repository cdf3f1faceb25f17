using System.Globalization;

namespace Spean.Core.Text;

/// <summary>
/// Dictionary-based Khmer word segmenter. Khmer runs are split into words by Viterbi over character
/// clusters; numbers, non-Khmer words and punctuation pass through as their own tokens; whitespace and
/// U+200B separate tokens and are dropped. Immutable after <see cref="Load"/> and safe to share across threads.
/// </summary>
public sealed class KhmerSegmenter
{
    private readonly KhmerLexicon lexicon;

    private KhmerSegmenter(KhmerLexicon lexicon) => this.lexicon = lexicon;

    /// <summary>Number of distinct normalised words known to the segmenter.</summary>
    public int WordCount => lexicon.WordCount;

    /// <param name="dictionaryPath">UTF-8 word list, one word per line.</param>
    /// <param name="frequenciesPath">JSON object mapping words to corpus counts.</param>
    public static KhmerSegmenter Load(string dictionaryPath, string frequenciesPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(dictionaryPath);
        ArgumentException.ThrowIfNullOrEmpty(frequenciesPath);
        return new KhmerSegmenter(KhmerLexicon.Load(dictionaryPath, frequenciesPath));
    }

    /// <summary>The segmenter over the word list shipped in data/khmer.</summary>
    public static KhmerSegmenter LoadShipped()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "data", "khmer");
        return Load(Path.Combine(folder, "khmer_dictionary_words.txt"), Path.Combine(folder, "khmer_word_frequencies.json"));
    }

    /// <summary>Returns the tokens of <paramref name="text"/> in order, without whitespace.</summary>
    public IReadOnlyList<string> Segment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            i = ReadToken(text, i, tokens);
        }

        return tokens;
    }

    /// <summary>Returns the tokens of <paramref name="text"/> joined by single spaces.</summary>
    public string SegmentToSpaces(string text) => string.Join(' ', Segment(text));

    private int ReadToken(string text, int start, List<string> tokens)
    {
        var c = text[start];
        if (char.IsWhiteSpace(c) || KhmerLexicon.IsIgnorable(c))
        {
            return start + 1;
        }

        if (KhmerScript.StartsCluster(c))
        {
            var runEnd = KhmerScript.RunEnd(text, start);
            KhmerViterbi.Segment(text.AsSpan(start, runEnd - start), lexicon, tokens);
            return runEnd;
        }

        var end = IsNumberDigit(c) ? NumberEnd(text, start)
            : IsWordChar(c) ? WordEnd(text, start)
            : SymbolEnd(text, start);
        tokens.Add(text[start..end]);
        return end;
    }

    /// <summary>Digits with single "," or "." between them, so "១,២៥", "12.5" and "1.2.1" stay whole.</summary>
    private static int NumberEnd(string text, int start)
    {
        var i = start + 1;
        while (i < text.Length)
        {
            if (IsNumberDigit(text[i]))
            {
                i++;
            }
            else if (text[i] is ',' or '.' && i + 1 < text.Length && IsNumberDigit(text[i + 1]))
            {
                i += 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>Letters, digits and combining marks of other scripts, with apostrophes inside ("don't").</summary>
    private static int WordEnd(string text, int start)
    {
        var i = start + 1;
        while (i < text.Length)
        {
            var isInnerApostrophe = text[i] is '\'' or '\u2019' && i + 1 < text.Length && IsWordChar(text[i + 1]);
            if (!IsWordChar(text[i]) && !isInnerApostrophe)
            {
                break;
            }

            i++;
        }

        return i;
    }

    private static int SymbolEnd(string text, int start) =>
        char.IsHighSurrogate(text[start]) && start + 1 < text.Length && char.IsLowSurrogate(text[start + 1])
            ? start + 2
            : start + 1;

    private static bool IsNumberDigit(char c) => char.IsAsciiDigit(c) || KhmerScript.IsDigit(c);

    private static bool IsWordChar(char c)
    {
        if (KhmerScript.IsKhmer(c))
        {
            return false;
        }

        return char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }
}
