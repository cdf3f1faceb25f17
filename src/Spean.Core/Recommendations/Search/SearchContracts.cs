namespace Spean.Core.Recommendations.Search;

/// <summary>One recommendation as the index sees it. Facet keys must be among the index's facet fields.</summary>
/// <param name="SortKey">Primary sort key, e.g. the session number.</param>
/// <param name="SecondarySortKey">Tie-break inside equal <paramref name="SortKey"/>, e.g. a stable ordinal.</param>
public sealed record RecommendationDocument(
    Guid Id,
    string EnglishText,
    string? KhmerText,
    long SortKey,
    long SecondarySortKey,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Facets);

public enum SearchSort
{
    /// <summary>Best text match first (BM25); without text terms it falls back to <see cref="KeyDescending"/>.</summary>
    Relevance,
    KeyAscending,
    KeyDescending,
}

public sealed record SearchRequest
{
    /// <summary>Words, "phrases", AND, OR, NOT, -word, (groups), prefix*. Null or blank matches everything.</summary>
    public string? Text { get; init; }

    /// <summary>Field → selected values: OR within a field, AND across fields. An empty set does not filter.</summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> Filters { get; init; } =
        new Dictionary<string, IReadOnlyCollection<string>>();

    /// <summary>Fields to count; null counts every facet field.</summary>
    public IReadOnlyCollection<string>? CountFields { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    public int Skip { get; init; }

    public int Take { get; init; } = 20;
}

/// <param name="Facets">Per field, values with a non-zero count plus every selected value, by count then value.</param>
/// <param name="Error">A message to show the user when the text query could not be read; then nothing else is filled in.</param>
public sealed record SearchResult(
    int Total,
    IReadOnlyList<Guid> Ids,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    Refusal? Error)
{
    public static SearchResult Failed(Refusal error) =>
        new(0, [], new Dictionary<string, IReadOnlyList<FacetCount>>(), error);
}

/// <param name="Count">Results the current query would give with this value selected (multi-select semantics).</param>
public sealed record FacetCount(string Value, int Count, bool Selected);

/// <summary>A span of a document text to render as &lt;mark&gt;.</summary>
public readonly record struct HighlightRange(int Start, int Length);

/// <param name="Counts">Matches by (row value, column value); null stands for "no value".</param>
/// <param name="Total">Matching recommendations; a multi-valued field can count one in several cells.</param>
public sealed record CrossCounts(IReadOnlyDictionary<(string? Row, string? Column), int> Counts, int Total, Refusal? Error)
{
    public static CrossCounts Failed(Refusal error) => new(new Dictionary<(string?, string?), int>(), 0, error);
}
