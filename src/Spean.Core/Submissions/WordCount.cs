using Spean.Core.Text;

namespace Spean.Core.Submissions;

/// <summary>
/// Counts words as OHCHR's limit reads them: Latin words between spaces and punctuation, Khmer words as the segmenter
/// splits a run (Khmer writes no spaces between words), numbers as words, punctuation never.
/// </summary>
public static class WordCount
{
    private static readonly Lazy<KhmerSegmenter> Segmenter = new(KhmerSegmenter.LoadShipped);

    public static int Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return 0;
        if (!text.Any(KhmerScript.IsKhmer)) return Latin(text);
        return Segmenter.Value.Segment(text).Count(token => token.Any(c => char.IsLetterOrDigit(c) || KhmerScript.IsLetter(c)));
    }

    // The same rule as the page's live counter (submission-words.js) and as Word: what stands between spaces, if it holds a letter or digit.
    private static int Latin(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(token => token.Any(char.IsLetterOrDigit));
}
