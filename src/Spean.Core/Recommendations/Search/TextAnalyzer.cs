using System.Globalization;
using Lucene.Net.Tartarus.Snowball.Ext;
using Spean.Core.Text;

namespace Spean.Core.Recommendations.Search;

/// <summary>Receives one token: its normalised surface form (valid only during the call) and where it sits in the text.</summary>
internal delegate void TokenSink(ReadOnlySpan<char> surface, int start, int length);

/// <summary>
/// Splits text into words. Latin-script words are lower-cased, lose a possessive 's and are stemmed
/// with Snowball English (Porter2); runs of Khmer script go to the injected segmenter and are kept as is.
/// Index and query use the same code, so both sides always agree.
/// </summary>
internal sealed class TextAnalyzer(Func<string, IEnumerable<string>> khmerSegmenter)
{
    private const char ZeroWidthSpace = '\u200B';
    private readonly EnglishStemmer stemmer = new();

    public static bool IsKhmer(char c) => KhmerScript.IsKhmer(c);

    public void Tokenize(string text, TokenSink sink)
    {
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (IsKhmer(c))
            {
                i = EmitKhmer(text, i, sink);
            }
            else if (IsWordChar(c))
            {
                i = EmitWord(text, i, sink);
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>The index term for a surface form: the Porter2 stem for Latin words, the word itself otherwise.</summary>
    public string Stem(string surface)
    {
        if (surface.Length < 3 || surface.Any(IsKhmer))
        {
            return surface;
        }
        lock (stemmer)
        {
            stemmer.SetCurrent(surface);
            stemmer.Stem();
            return stemmer.Current;
        }
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) && !IsKhmer(c) ||
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static int EmitWord(string text, int start, TokenSink sink)
    {
        int end = start;
        while (end < text.Length && (IsWordChar(text[end]) && !IsKhmer(text[end]) ||
               IsApostrophe(text[end]) && end + 1 < text.Length && IsWordChar(text[end + 1])))
        {
            end++;
        }
        int length = end - start;
        Span<char> buffer = length <= 256 ? stackalloc char[length] : new char[length];
        int n = 0;
        for (int j = start; j < end; j++)
        {
            if (!IsApostrophe(text[j]))
            {
                buffer[n++] = char.ToLowerInvariant(text[j]);
            }
            else if (end - j == 2 && char.ToLowerInvariant(text[j + 1]) == 's')
            {
                break; // possessive: "women's" indexes as "women"
            }
        }
        sink(buffer[..n], start, length);
        return end;
    }

    private int EmitKhmer(string text, int start, TokenSink sink)
    {
        int end = start;
        while (end < text.Length && (IsKhmer(text[end]) || text[end] == ZeroWidthSpace))
        {
            end++;
        }
        string run = text[start..end];
        int cursor = 0;
        foreach (string segment in khmerSegmenter(run))
        {
            string surface = segment.Replace(ZeroWidthSpace.ToString(), "").Trim();
            if (surface.Length == 0)
            {
                continue;
            }
            int found = run.IndexOf(segment, cursor, StringComparison.Ordinal);
            int at = found >= 0 ? found : cursor;
            sink(surface, start + at, Math.Min(segment.Length, run.Length - at));
            cursor = Math.Min(run.Length, at + segment.Length);
        }
        return end;
    }
}
