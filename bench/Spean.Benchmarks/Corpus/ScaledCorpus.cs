using System.Globalization;

namespace Spean.Core.Recommendations.Search.Upr;

/// <summary>
/// Deterministic synthetic corpus of any size built from the real rows with a fixed seed. Each row takes its text
/// with response, action and issues from one random real row, the State under Review with its group,
/// organisations and session from a second, and the recommending State from a third, so every value is real and
/// pairs that belong together stay together. A draw that would repeat an earlier recommendation (same import key)
/// is drawn again, so a database import of the corpus creates every row. Every text is a fresh string copy so
/// memory figures are honest. Every tenth row gets a short Khmer note (words joined by U+200B) from a fixed word list.
/// </summary>
public static class ScaledCorpus
{
    public const int DefaultSeed = 20_140_128;

    public static readonly string[] KhmerWords =
    [
        "សិទ្ធិ", "មនុស្ស", "ស្ត្រី", "កុមារ", "ការអប់រំ", "សុខភាព", "ដីធ្លី", "យុត្តិធម៌", "ការធ្វើទារុណកម្ម", "សេរីភាព",
        "ការបញ្ចេញមតិ", "អ្នកការពារ", "បរិស្ថាន", "ការងារ", "ជនជាតិដើមភាគតិច", "រដ្ឋាភិបាល", "ច្បាប់", "តុលាការ", "អនុសាសន៍", "គាំទ្រ",
    ];

    public static IEnumerable<RecommendationDocument> Generate(IReadOnlyList<UprInfoRow> rows, int count, int seed = DefaultSeed) =>
        Rows(rows, count, seed).Select((scaled, i) => UprDocuments.ToDocument(scaled.Row, i, scaled.Khmer));

    /// <summary>The scaled rows, numbered as lines of a CSV file with a header (the first row is line 2).</summary>
    public static IEnumerable<(UprInfoRow Row, string? Khmer)> Rows(IReadOnlyList<UprInfoRow> rows, int count, int seed = DefaultSeed)
    {
        var random = new Random(seed);
        var keys = new HashSet<ulong>(count);
        for (int i = 0; i < count; i++)
        {
            UprInfoRow textRow, surRow, fromRow;
            do
            {
                textRow = rows[random.Next(rows.Count)];
                surRow = rows[random.Next(rows.Count)];
                fromRow = rows[random.Next(rows.Count)];
            }
            while (!keys.Add(KeyOf(textRow.Text, surRow, fromRow)));
            string? khmer = i % 10 == 0 ? KhmerNote(random) : null;
            var row = new UprInfoRow(i + 2, surRow.StateUnderReview, new string(textRow.Text.AsSpan()), fromRow.RecommendingState,
                textRow.Response, textRow.ActionCategory, textRow.Issues, surRow.Session, surRow.Cycle,
                surRow.StateUnderReviewGroup, fromRow.RecommendingGroup, surRow.StateUnderReviewOrganisations, fromRow.RecommendingOrganisations);
            yield return (row, khmer);
        }
    }

    /// <summary>64 bits of the importer's key (the State's name standing in for its code): enough to tell a million rows apart.</summary>
    private static ulong KeyOf(string text, UprInfoRow surRow, UprInfoRow fromRow) => ulong.Parse(
        RecommendationImporter.ImportKey(surRow.StateUnderReview, surRow.Session, fromRow.RecommendingState, text).AsSpan(0, 16),
        NumberStyles.HexNumber, CultureInfo.InvariantCulture);

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
