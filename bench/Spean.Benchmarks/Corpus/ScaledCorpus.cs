namespace Spean.Core.Recommendations.Search.Upr;

/// <summary>
/// Deterministic synthetic corpus of any size built from the real rows with a fixed seed. Each document takes
/// its text with response, action and issues from one random row, the state under review with its group,
/// organisations and session from a second, and the recommending state from a third, so every value is real and
/// pairs that belong together stay together. Every text is a fresh string copy so memory figures are honest.
/// Every tenth document gets a short Khmer note (words joined by U+200B) from a fixed word list.
/// </summary>
public static class ScaledCorpus
{
    public const int DefaultSeed = 20_140_128;

    public static readonly string[] KhmerWords =
    [
        "សិទ្ធិ", "មនុស្ស", "ស្ត្រី", "កុមារ", "ការអប់រំ", "សុខភាព", "ដីធ្លី", "យុត្តិធម៌", "ការធ្វើទារុណកម្ម", "សេរីភាព",
        "ការបញ្ចេញមតិ", "អ្នកការពារ", "បរិស្ថាន", "ការងារ", "ជនជាតិដើមភាគតិច", "រដ្ឋាភិបាល", "ច្បាប់", "តុលាការ", "អនុសាសន៍", "គាំទ្រ",
    ];

    public static IEnumerable<RecommendationDocument> Generate(IReadOnlyList<UprRow> rows, int count, int seed = DefaultSeed)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            var textRow = rows[random.Next(rows.Count)];
            var surRow = rows[random.Next(rows.Count)];
            var fromRow = rows[random.Next(rows.Count)];
            string? khmer = i % 10 == 0 ? KhmerNote(random) : null;
            yield return UprDocuments.Compose(i, new string(textRow.Text.AsSpan()), khmer, textRow, surRow, fromRow);
        }
    }

    private static string KhmerNote(Random random)
    {
        var words = new string[random.Next(3, 9)];
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = KhmerWords[random.Next(KhmerWords.Length)];
        }
        return string.Join('\u200B', words);
    }
}
