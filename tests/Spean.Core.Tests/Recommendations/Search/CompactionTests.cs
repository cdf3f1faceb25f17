using Spean.Core.Recommendations.Search.Upr;

namespace Spean.Core.Recommendations.Search.Tests;

public sealed class CompactionTests
{
    private static readonly string[] Queries =
    [
        "", "torture", "\"rights of the child\"", "women -violence", "discriminat*", "NOT rights", "(death OR execution*) penalty",
    ];

    [Fact]
    public void Compacted_index_answers_like_one_built_from_the_survivors()
    {
        var rows = UprInfoCsv.Read(RecommendationImporter.ShippedFile).Rows;
        var documents = rows.Select((row, i) => UprDocuments.ToDocument(row, i)).ToList();
        using var compacted = new RecommendationIndex(UprDocuments.Fields, UprDocuments.SplitKhmer) { CompactionThreshold = 2 };
        compacted.Build(documents);
        var survivors = new List<RecommendationDocument>();
        for (int i = 0; i < documents.Count; i++)
        {
            if (i % 3 == 0)
            {
                compacted.Remove(documents[i].Id);
            }
            else if (i % 3 == 1)
            {
                var edited = documents[i] with { EnglishText = documents[i].EnglishText + " edited", SortKey = -i };
                compacted.Upsert(edited);
                survivors.Add(edited);
            }
            else
            {
                survivors.Add(documents[i]);
            }
        }
        compacted.Compact();
        using var fresh = new RecommendationIndex(UprDocuments.Fields, UprDocuments.SplitKhmer);
        fresh.Build(survivors);

        Assert.Equal(fresh.Count, compacted.Count);
        foreach (string query in Queries.Append("edited"))
        {
            var request = new SearchRequest
            {
                Text = query,
                Filters = new Dictionary<string, IReadOnlyCollection<string>> { ["cycle"] = ["2"], ["surOrg"] = ["EU", "AU"] },
                Sort = SearchSort.KeyAscending,
                Take = 50,
            };
            var expected = fresh.Search(request);
            var actual = compacted.Search(request);
            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.Ids, actual.Ids);
            foreach (string field in UprDocuments.Fields)
            {
                Assert.Equal(expected.Facets[field], actual.Facets[field]);
            }
        }
    }
}
