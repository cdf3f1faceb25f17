using Spean.Core.Recommendations.Search.Upr;

namespace Spean.Core.Recommendations.Search.Tests;

/// <summary>Small hand-made documents and short ways to query them.</summary>
internal static class Sample
{
    public static readonly string[] Fields = ["sur", "response", "issue"];

    public static Guid Id(int n) => new(n, 0, 0, new byte[8]);

    public static RecommendationDocument Doc(
        int n, string text, string sur = "Cambodia", string response = "Accepted", string[]? issue = null, string? khmer = null) =>
        new(Id(n), text, khmer, n, n, new Dictionary<string, IReadOnlyList<string>>
        {
            ["sur"] = [sur],
            ["response"] = [response],
            ["issue"] = issue ?? [],
        });

    public static RecommendationIndex Index(params RecommendationDocument[] documents)
    {
        var index = new RecommendationIndex(Fields, UprDocuments.SplitKhmer);
        index.Build(documents);
        return index;
    }

    public static SearchRequest Request(string? text, params (string Field, string[] Values)[] filters) => new()
    {
        Text = text,
        Filters = filters.ToDictionary(f => f.Field, f => (IReadOnlyCollection<string>)f.Values),
        Sort = SearchSort.KeyAscending,
        Take = 1000,
    };

    /// <summary>Matching document numbers in key order.</summary>
    public static int[] Find(this RecommendationIndex index, string? text, params (string Field, string[] Values)[] filters)
    {
        var result = index.Search(Request(text, filters));
        Assert.Null(result.Error);
        Assert.Equal(result.Total, result.Ids.Count);
        return result.Ids.Select(Number).ToArray();
    }

    public static int Number(Guid id) => BitConverter.ToInt32(id.ToByteArray(), 0);

    public static int CountOf(this SearchResult result, string field, string value) =>
        result.Facets[field].SingleOrDefault(c => c.Value == value)?.Count ?? 0;
}
