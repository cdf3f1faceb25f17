using System.Globalization;
using System.Text.RegularExpressions;

namespace Spean.Core.Implementation.Matrix;

/// <summary>
/// The review a matrix belongs to, from its title ("UPR of Slovenia (4th Cycle - 48th Session)"), its text
/// ("Third cycle", "34th session") or its file name ("UPR48_Slovenia_Thematic_list...").
/// </summary>
internal static partial class MatrixTitle
{
    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"];

    public static MatrixReview Read(string text)
    {
        var state = StatePattern().Match(text) is { Success: true } s ? s.Groups[1].Value.Trim() : null;
        return new MatrixReview(state, Session(text), Cycle(text));
    }

    public static MatrixReview FromFileName(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName).Replace('-', '_').Replace(' ', '_');
        var match = FileNamePattern().Match(name);
        return match.Success
            ? new MatrixReview(match.Groups[2].Value.Replace('_', ' ').Trim(), int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), null)
            : new MatrixReview(null, null, null);
    }

    /// <summary>The cycle a session belongs to: fourteen sessions a cycle since the second (the first had twelve).</summary>
    public static int CycleOfSession(int session) => session <= 12 ? 1 : 2 + (session - 13) / 14;

    private static int? Session(string text)
    {
        if (SessionPattern().Match(text) is { Success: true } m) return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (UprNumberPattern().Match(text) is { Success: true } u) return int.Parse(u.Groups[1].Value, CultureInfo.InvariantCulture);
        return null;
    }

    private static int? Cycle(string text)
    {
        if (CyclePattern().Match(text) is { Success: true } m) return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (WordCyclePattern().Match(text) is { Success: true } w) return Array.IndexOf(Ordinals, w.Groups[1].Value.ToLowerInvariant()) + 1;
        return null;
    }

    [GeneratedRegex(@"(?:UPR|Universal Periodic Review)\s+of\s+(.+?)\s*(?:\(|\n|–|—| - |$)", RegexOptions.IgnoreCase)]
    private static partial Regex StatePattern();

    [GeneratedRegex(@"\b(\d{1,2})(?:st|nd|rd|th)?\s+session\b", RegexOptions.IgnoreCase)]
    private static partial Regex SessionPattern();

    [GeneratedRegex(@"\bUPR\s*(\d{1,2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex UprNumberPattern();

    [GeneratedRegex(@"\b(\d)(?:st|nd|rd|th)?\s+cycle\b", RegexOptions.IgnoreCase)]
    private static partial Regex CyclePattern();

    [GeneratedRegex(@"\b(first|second|third|fourth|fifth|sixth|seventh|eighth)\s+cycle\b", RegexOptions.IgnoreCase)]
    private static partial Regex WordCyclePattern();

    [GeneratedRegex(@"UPR_?(\d{1,2})_+([A-Za-z_]+?)_+(?:thematic|matrix|recommendations|list)", RegexOptions.IgnoreCase)]
    private static partial Regex FileNamePattern();
}
