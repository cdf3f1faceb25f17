using System.Globalization;
using CsvHelper;

namespace Spean.Core.Text.Tests;

/// <summary>The shipped word list, and a Khmer corpus of SDG titles and gazetteer names.</summary>
internal static class TestCorpus
{
    private static string Data => Path.Combine(AppContext.BaseDirectory, "data");

    public static string DictionaryPath => Path.Combine(Data, "khmer", "khmer_dictionary_words.txt");

    public static string FrequenciesPath => Path.Combine(Data, "khmer", "khmer_word_frequencies.json");

    /// <summary>SDG goal, target and indicator titles in Khmer, then gazetteer names, one per line.</summary>
    private static readonly string[] SdgFiles = ["sdg_goals_en_km.csv", "sdg_targets_en_km.csv", "sdg_indicators_en_km.csv"];

    public static IReadOnlyList<string> Lines() =>
        SdgFiles
            .SelectMany(file => Column(file, "title_km"))
            .Concat(Column("cambodia_admin_units.csv", "name_km"))
            .ToList();

    private static List<string> Column(string file, string name)
    {
        using var reader = new StreamReader(Path.Combine(Data, "reference", file));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var values = new List<string>();
        while (csv.Read())
            if (csv.GetField(name) is { Length: > 0 } value) values.Add(value);
        return values;
    }
}
