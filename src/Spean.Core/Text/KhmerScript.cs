namespace Spean.Core.Text;

/// <summary>Character classes of the Unicode Khmer block and the cluster (orthographic syllable) scanner.</summary>
public static class KhmerScript
{
    /// <summary>Anything in the Khmer block or Khmer symbols: what needs a Khmer font and the segmenter.</summary>
    public static bool IsKhmer(char c) => c is >= '\u1780' and <= '\u17FF' or >= '\u19E0' and <= '\u19FF';

    public const char Coeng = '\u17D2';
    public const char ZeroWidthSpace = '\u200B';

    /// <summary>Consonants U+1780–U+17A2 and independent vowels U+17A3–U+17B3.</summary>
    public static bool IsLetter(char c) => c is >= '\u1780' and <= '\u17B3';

    /// <summary>Letters plus the avakrahasanya sign, which is a letter (Lo) that starts a cluster.</summary>
    public static bool IsBase(char c) => IsLetter(c) || c == '\u17DC';

    /// <summary>Inherent and dependent vowels, register shifters and other signs that attach to a base.</summary>
    public static bool IsMark(char c) => c is (>= '\u17B4' and <= '\u17D1') or '\u17D3' or '\u17DD';

    public static bool IsJoiner(char c) => c is '\u200C' or '\u200D';

    public static bool IsDigit(char c) => c is >= '\u17E0' and <= '\u17E9';

    /// <summary>Anything that begins a cluster; a mark or coeng with no base before it forms a cluster of its own.</summary>
    public static bool StartsCluster(char c) => IsBase(c) || IsMark(c) || c == Coeng;

    public static bool InCluster(char c) => IsMark(c) || c == Coeng || IsJoiner(c);

    /// <summary>
    /// The character to store in a lookup key: subscript DA is written for subscript TA (they look the same
    /// and both spellings are common, e.g. "ផ្ដល់" and "ផ្តល់"), so the two forms share one dictionary entry.
    /// </summary>
    public static char KeyChar(char previousKeyChar, char c) => c == '\u178A' && previousKeyChar == Coeng ? '\u178F' : c;

    /// <summary>Returns the index just past the cluster that begins at <paramref name="start"/>.</summary>
    public static int ClusterEnd(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        if (IsBase(text[i]))
        {
            i++;
        }

        while (i < text.Length && InCluster(text[i]))
        {
            var isSubscript = text[i] == Coeng && i + 1 < text.Length && IsLetter(text[i + 1]);
            i += isSubscript ? 2 : 1;
        }

        return i;
    }

    /// <summary>Returns the index just past the run of clusters that begins at <paramref name="start"/>.</summary>
    public static int RunEnd(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        while (i < text.Length && StartsCluster(text[i]))
        {
            i = ClusterEnd(text, i);
        }

        return i;
    }

    public static IReadOnlyList<string> Clusters(string text)
    {
        var clusters = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var end = StartsCluster(text[i]) ? ClusterEnd(text, i) : i + 1;
            clusters.Add(text[i..end]);
            i = end;
        }

        return clusters;
    }

    /// <summary>True when the text is made only of whole clusters and starts with a base, i.e. it could be a word.</summary>
    public static bool IsClusterRun(ReadOnlySpan<char> text) =>
        !text.IsEmpty && IsBase(text[0]) && RunEnd(text, 0) == text.Length;
}
