using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Spean.Core.Text;

/// <summary>
/// Word costs (negative log-probabilities) keyed by word, plus every cluster-aligned prefix of every word
/// with an infinite cost, so the segmenter can stop extending a candidate as soon as no word starts with it.
/// Immutable after construction, so safe to read from many threads.
/// </summary>
internal sealed class KhmerLexicon
{
    // Words that are in the dictionary but were never counted get half the count of the rarest counted word.
    private const double DictionaryOnlyCount = 0.5;

    // An unknown cluster costs e^10 times less likely than a dictionary-only word, so any known word wins.
    private const double UnknownPenalty = 10;

    // Characters that Normalise removes or rewrites; most entries have none and skip the rewrite.
    private static readonly SearchValues<char> NeedsRewrite = SearchValues.Create("\u200B\u200C\u200D\uFEFF\u178A");

    private readonly Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> lookup;

    private KhmerLexicon(Dictionary<string, double> costs, double unknownClusterCost, int wordCount)
    {
        lookup = costs.GetAlternateLookup<ReadOnlySpan<char>>();
        UnknownClusterCost = unknownClusterCost;
        WordCount = wordCount;
    }

    public double UnknownClusterCost { get; }

    public int WordCount { get; }

    public static KhmerLexicon Load(string dictionaryPath, string frequenciesPath)
    {
        var counts = ReadFrequencies(frequenciesPath);
        var words = new HashSet<string>(counts.Keys, StringComparer.Ordinal);
        foreach (var line in File.ReadLines(dictionaryPath, Encoding.UTF8))
        {
            if (Normalise(line) is { } word)
            {
                words.Add(word);
            }
        }

        var logTotal = Math.Log(Math.Max(1, counts.Values.Sum()));
        var costs = new Dictionary<string, double>(words.Count * 3, StringComparer.Ordinal);
        var prefixes = costs.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var word in words)
        {
            AddPrefixes(prefixes, word);
            var count = counts.TryGetValue(word, out var c) ? c : DictionaryOnlyCount;
            costs[word] = logTotal - Math.Log(count);
        }

        var unknownCost = logTotal - Math.Log(DictionaryOnlyCount) + UnknownPenalty;
        return new KhmerLexicon(costs, unknownCost, words.Count);
    }

    /// <summary>
    /// True when <paramref name="key"/> is a word or the prefix of one; <paramref name="cost"/> is
    /// <see cref="double.PositiveInfinity"/> for a prefix that is not itself a word.
    /// </summary>
    public bool TryGetCost(ReadOnlySpan<char> key, out double cost) => lookup.TryGetValue(key, out cost);

    public bool IsWord(string word) => Normalise(word) is { } key && TryGetCost(key, out var cost) && double.IsFinite(cost);

    /// <summary>
    /// Drops zero-width characters (the data has stray U+200B and ZWJ/ZWNJ that the frequency keys lack),
    /// writes subscript DA as subscript TA, and rejects entries that are not pure Khmer clusters: hyphens, brackets, Latin or digits can never
    /// match inside a Khmer run anyway.
    /// </summary>
    public static string? Normalise(string raw)
    {
        if (KhmerScript.IsClusterRun(raw) && !raw.AsSpan().ContainsAny(NeedsRewrite))
        {
            return raw;
        }

        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            if (!IsIgnorable(c))
            {
                builder.Append(KhmerScript.KeyChar(builder.Length > 0 ? builder[^1] : '\0', c));
            }
        }

        var word = builder.ToString().Trim().TrimEnd('!', '?');
        return KhmerScript.IsClusterRun(word) ? word : null;
    }

    public static bool IsIgnorable(char c) => c is KhmerScript.ZeroWidthSpace or '\uFEFF' || KhmerScript.IsJoiner(c);

    private static void AddPrefixes(Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> prefixes, string word)
    {
        var end = KhmerScript.ClusterEnd(word, 0);
        while (end < word.Length)
        {
            prefixes.TryAdd(word.AsSpan(0, end), double.PositiveInfinity);
            end = KhmerScript.ClusterEnd(word, end);
        }
    }

    /// <summary>Reads the flat { "word": count } object with the reader rather than the serializer, which halves Load.</summary>
    private static Dictionary<string, double> ReadFrequencies(string path)
    {
        var bytes = File.ReadAllBytes(path).AsSpan();
        var reader = new Utf8JsonReader(bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[3..] : bytes);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InvalidDataException($"Expected a JSON object of word counts in {path}");
        }

        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString() ?? "";
            reader.Read();
            var count = reader.GetInt64();
            if (Normalise(key) is { } word && count > 0)
            {
                counts[word] = counts.GetValueOrDefault(word) + count;
            }
        }

        return counts;
    }
}
