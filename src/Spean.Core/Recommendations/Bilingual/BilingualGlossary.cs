using System.Globalization;
using System.Text;
using CsvHelper;

namespace Spean.Core.Recommendations.Bilingual;

/// <summary>One row of data/glossary/glossary.csv: an English term and its Khmer equivalent, with where the pair comes from.</summary>
public sealed record GlossaryTerm(string English, string Khmer, string Source, string Notes);

/// <summary>
/// The English–Khmer glossary of human-rights terms that lets a Khmer query find English recommendations and an
/// English query find Khmer texts. A Khmer term may have several English equivalents and the reverse.
/// </summary>
public sealed class BilingualGlossary
{
    private static readonly Lazy<BilingualGlossary> ShippedGlossary = new(() => Load(ShippedFile));

    private readonly Dictionary<string, List<string>> englishByKhmer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> khmerByEnglish = new(StringComparer.Ordinal);

    private BilingualGlossary(IReadOnlyList<GlossaryTerm> terms)
    {
        Terms = terms;
        foreach (var term in terms)
        {
            Add(englishByKhmer, KhmerKey(term.Khmer), term.English);
            Add(khmerByEnglish, EnglishKey(term.English), term.Khmer);
        }
        LongestKhmer = englishByKhmer.Keys.Max(k => k.Length);
        LongestEnglish = khmerByEnglish.Keys.Max(k => k.Count(c => c == ' ') + 1);
    }

    public static string ShippedFile => Path.Combine(AppContext.BaseDirectory, "data", "glossary", "glossary.csv");

    public static BilingualGlossary Shipped => ShippedGlossary.Value;

    public IReadOnlyList<GlossaryTerm> Terms { get; }

    /// <summary>Characters in the longest Khmer key, so a lookup never tries a longer span.</summary>
    internal int LongestKhmer { get; }

    /// <summary>Words in the longest English key.</summary>
    internal int LongestEnglish { get; }

    public static BilingualGlossary Load(string path)
    {
        using var csv = new CsvReader(new StreamReader(path, Encoding.UTF8), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<Row>().Select(r => new GlossaryTerm(r.english.Trim(), r.khmer.Trim(), r.source.Trim(), r.notes.Trim()))
            .Where(t => t.English.Length > 0 && t.Khmer.Length > 0).ToList();
        return new BilingualGlossary(rows);
    }

    /// <summary>The English equivalents of a Khmer term written with or without spaces, or none.</summary>
    public IReadOnlyList<string> EnglishFor(string khmer) => englishByKhmer.GetValueOrDefault(KhmerKey(khmer)) ?? [];

    /// <summary>The Khmer equivalents of an English term, whatever its case and punctuation, or none.</summary>
    public IReadOnlyList<string> KhmerFor(string english) => khmerByEnglish.GetValueOrDefault(EnglishKey(english)) ?? [];

    /// <summary>Khmer without spaces, zero-width spaces or joiners, subscript DA as subscript TA (both spellings are common).</summary>
    public static string KhmerKey(string khmer)
    {
        var key = new StringBuilder(khmer.Length);
        foreach (var c in khmer)
        {
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D') continue;
            key.Append(c == '\u178A' && key.Length > 0 && key[^1] == '\u17D2' ? '\u178F' : c);
        }
        return key.ToString();
    }

    /// <summary>Lower-case words of letters and digits, one space between: "Women's rights" and "women’s rights" share a key.</summary>
    public static string EnglishKey(string english) => string.Join(' ', EnglishWords(english));

    internal static IEnumerable<string> EnglishWords(string english) =>
        english.ToLowerInvariant().Replace("'s ", " ", StringComparison.Ordinal).Replace("\u2019s ", " ", StringComparison.Ordinal)
            .Split((char[])[' ', ',', ';', ':', '(', ')', '"', '/', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', '\'', '\u2019')).Where(w => w.Length > 0);

    private static void Add(Dictionary<string, List<string>> map, string key, string value)
    {
        if (key.Length == 0) return;
        if (!map.TryGetValue(key, out var values)) map[key] = values = [];
        if (!values.Contains(value, StringComparer.OrdinalIgnoreCase)) values.Add(value);
    }

#pragma warning disable IDE1006 // named as the file's columns
    private sealed record Row(string english, string khmer, string source, string notes);
#pragma warning restore IDE1006
}
