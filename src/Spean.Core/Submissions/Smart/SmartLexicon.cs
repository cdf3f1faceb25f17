using System.Globalization;
using Spean.Core.Text;

namespace Spean.Core.Submissions.Smart;

/// <summary>The word lists of data/smart for one language.</summary>
internal sealed record SmartLists(SmartWordList Measurable, SmartWordList TimeFrames, SmartWordList VagueTime, SmartWordList Bodies, SmartWordList GeneralBodies);

/// <summary>The shipped word lists of both languages, the Khmer action verbs and the segmenter; loaded once, immutable.</summary>
public sealed class SmartLexicon
{
    private SmartLexicon(KhmerSegmenter segmenter, SmartLists english, SmartLists khmer, SmartWordList[] khmerVerbs)
    {
        Segmenter = segmenter;
        English = english;
        Khmer = khmer;
        KhmerVerbs = khmerVerbs;
    }

    internal KhmerSegmenter Segmenter { get; }

    internal SmartLists English { get; }

    internal SmartLists Khmer { get; }

    /// <summary>Index 0 holds the verbs of category 1, and so on.</summary>
    internal SmartWordList[] KhmerVerbs { get; }

    public static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "data", "smart");

    public static SmartLexicon LoadShipped() => Load(ShippedFolder, KhmerSegmenter.LoadShipped());

    public static SmartLexicon Load(string folder, KhmerSegmenter segmenter)
    {
        SmartLists Lists(string language)
        {
            SmartWordList List(string name) => SmartWordList.Load(Path.Combine(folder, $"{name}.{language}.txt"));
            return new SmartLists(List("measurable"), List("time-frames"), List("vague-time"), List("responsible-bodies"), List("general-bodies"));
        }

        var verbs = File.ReadLines(Path.Combine(folder, "action-verbs.km.txt"))
            .Select(l => l.Split('#')[0].Split('\t', StringSplitOptions.TrimEntries))
            .Where(p => p.Length == 2)
            .ToLookup(p => int.Parse(p[0], CultureInfo.InvariantCulture), p => p[1]);
        var byCategory = Enumerable.Range(1, 5).Select(c => SmartWordList.Parse(verbs[c])).ToArray();
        return new SmartLexicon(segmenter, Lists("en"), Lists("km"), byCategory);
    }

    internal SmartLists For(SmartLanguage language) => language == SmartLanguage.Km ? Khmer : English;
}
