using System.Globalization;
using CsvHelper;
using Spean.Core.Recommendations.Bilingual;

namespace Spean.Core.Recommendations.Search.Upr;

/// <summary>One Khmer query of data/glossary/queries.csv against the English query it means.</summary>
/// <param name="EnglishTotal">Recommendations the English query finds.</param>
/// <param name="Found">Of those, how many the expanded Khmer query finds too.</param>
/// <param name="UnexpandedTotal">Recommendations the Khmer query finds without the glossary.</param>
public sealed record QueryRecall(string Khmer, string English, string Searched, int EnglishTotal, int KhmerTotal, int Found, int UnexpandedTotal)
{
    public double Recall => EnglishTotal == 0 ? 1 : (double)Found / EnglishTotal;
}

/// <summary>How much of what an English query finds its Khmer equivalent finds, once expanded through the glossary.</summary>
public static class KhmerRecall
{
    public static string ShippedQueries => Path.Combine(AppContext.BaseDirectory, "data", "glossary", "queries.csv");

    public static List<(string Khmer, string English)> ReadQueries(string path)
    {
        using var csv = new CsvReader(new StreamReader(path), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var queries = new List<(string, string)>();
        while (csv.Read()) queries.Add((csv.GetField("khmer")!, csv.GetField("english")!));
        return queries;
    }

    public static List<QueryRecall> Measure(RecommendationIndex index, QueryExpander expander, IEnumerable<(string Khmer, string English)> queries)
    {
        HashSet<Guid> Ids(string text) => index.Search(new SearchRequest { Text = text, Take = int.MaxValue, CountFields = [] }).Ids.ToHashSet();
        var results = new List<QueryRecall>();
        foreach (var (khmer, english) in queries)
        {
            var expected = Ids(english);
            var searched = expander.Expand(khmer)?.Searched ?? khmer;
            var found = Ids(searched);
            results.Add(new(khmer, english, searched, expected.Count, found.Count, found.Count(expected.Contains), Ids(khmer).Count));
        }
        return results;
    }

    /// <summary>The mean of the queries' recalls, over the queries whose English query finds something.</summary>
    public static double MeanRecall(IReadOnlyList<QueryRecall> results) => results.Where(r => r.EnglishTotal > 0).Average(r => r.Recall);

    /// <summary>All found over all expected: large queries weigh more.</summary>
    public static double PooledRecall(IReadOnlyList<QueryRecall> results) =>
        (double)results.Sum(r => r.Found) / Math.Max(1, results.Sum(r => r.EnglishTotal));
}
