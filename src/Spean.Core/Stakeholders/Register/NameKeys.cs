using System.Globalization;
using System.Text;
using Spean.Core.Text;

namespace Spean.Core.Stakeholders.Register;

/// <summary>
/// The starts a name is found by: each word and the whole name without spaces, Latin lower-cased and without marks
/// ("Sòk Chéa" → "sok", "chea", "sokchea"), Khmer as written. A query is folded the same way and matched as a prefix,
/// so an index answers it without reading the register.
/// </summary>
public static class NameKeys
{
    public const int MaxLength = 300;

    public static IReadOnlyList<string> Of(params string?[] names)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name)) continue;
            var words = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Fold).Where(w => w.Length > 0).ToList();
            foreach (var word in words) keys.Add(Cap(word));
            if (words.Count > 1) keys.Add(Cap(string.Concat(words)));
        }
        return [.. keys];
    }

    /// <summary>The query as a key start, or empty when it holds no letter or digit.</summary>
    public static string Query(string? text) => string.IsNullOrWhiteSpace(text) ? "" : Cap(string.Concat(text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Fold)));

    private static string Fold(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            if (KhmerScript.IsKhmer(c)) builder.Append(c);
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            else if (char.IsLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string Cap(string key) => key.Length > MaxLength ? key[..MaxLength] : key;
}
