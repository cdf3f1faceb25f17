using System.Globalization;
using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Bilingual;
using Spean.Core.Recommendations.Search;
using Spean.Core.Recommendations.Search.Upr;
using Spean.Core.Text;

namespace Spean.Search.Bench;

/// <summary>Prints, as a Markdown table, how much of each English query's results its Khmer query finds (docs/benchmarks.md).</summary>
internal static class KhmerRecallReport
{
    public static void Run(IReadOnlyList<UprInfoRow> rows)
    {
        var segmenter = KhmerSegmenter.LoadShipped();
        using var index = new RecommendationIndex(UprDocuments.Fields, segmenter.Segment);
        index.Build(rows.Select((row, i) => UprDocuments.ToDocument(row, i)));
        var expander = new QueryExpander(BilingualGlossary.Shipped, segmenter.Segment);
        var results = KhmerRecall.Measure(index, expander, KhmerRecall.ReadQueries(KhmerRecall.ShippedQueries));

        Console.WriteLine($"Khmer query recall over {index.Count:N0} recommendations, {results.Count} queries, glossary of {BilingualGlossary.Shipped.Terms.Count} pairs");
        Console.WriteLine("| Khmer | English query | English finds | Khmer finds (without glossary) | of the English results | recall |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var r in results)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Khmer} | {r.English} | {r.EnglishTotal:N0} | {r.KhmerTotal:N0} ({r.UnexpandedTotal}) | {r.Found:N0} | {r.Recall:P1} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mean recall {KhmerRecall.MeanRecall(results):P1}; pooled recall {KhmerRecall.PooledRecall(results):P1}; " +
            $"queries at 100 %: {results.Count(r => r.Recall >= 1)}; without the glossary every Khmer query finds {results.Max(r => r.UnexpandedTotal)} at most"));
    }
}
