using System.Globalization;
using System.Text;
using Spean.Core.Recommendations.Search;

namespace Spean.Core.Recommendations;

public enum RecommendationSort
{
    Relevance,
    Newest,
    Oldest,
}

/// <summary>
/// The one filter shape of the recommendations page, the API, the exports, the statistics and the CLI. It reads
/// and writes the same query-string keys everywhere, so every view is a link that can be shared.
/// </summary>
public sealed record RecommendationQuery
{
    public const string TextKey = "q";
    public const int MaxPageSize = 100;

    /// <summary>The facet fields, which are also the query-string keys of the filters.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "sur", "recommending", "surGroup", "recommendingGroup", "surOrg", "recommendingOrg",
        "session", "cycle", "response", "action", "issue", "sdg", "theme", "affected",
    ];

    public string? Text { get; init; }

    /// <summary>Field → selected values: any value within a field, every field together.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public RecommendationSort Sort { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;

    public IReadOnlyList<string> Selected(string field) => Filters.GetValueOrDefault(field) ?? [];

    /// <summary>Reads query-string pairs; unknown keys are ignored so links with tracking parameters still work.</summary>
    /// <returns>The query, or what to change in the link.</returns>
    public static Outcome<RecommendationQuery> Parse(IEnumerable<KeyValuePair<string, IReadOnlyList<string?>>> pairs)
    {
        var values = pairs.ToDictionary(p => p.Key, p => p.Value.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList(),
            StringComparer.OrdinalIgnoreCase);
        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            if (values.TryGetValue(field, out var selected) && selected.Count > 0)
                filters[field] = selected.Select(v => Normalise(field, v)).Distinct().ToList();
        }
        var sort = RecommendationSort.Relevance;
        if (values.GetValueOrDefault("sort")?.FirstOrDefault() is { } sortText && !EnumNames.TryParse(sortText, out sort))
        {
            var sorts = string.Join(", ", Enum.GetNames<RecommendationSort>()).ToLowerInvariant();
            return new Refusal(QueryProblem.UnknownSort, $"'sort' is one of: {sorts}.", sorts) { Field = "sort" };
        }
        if (!TryNumber(values, "page", 1, int.MaxValue, 1, out var page, out var error) ||
            !TryNumber(values, "pageSize", 1, MaxPageSize, 20, out var pageSize, out error))
            return error!;
        return new RecommendationQuery
        {
            Text = values.GetValueOrDefault(TextKey)?.FirstOrDefault(),
            Filters = filters,
            Sort = sort,
            Page = page,
            PageSize = pageSize,
        };
    }

    /// <summary>Reads a query string such as "q=torture%20NOT%20prison&amp;sur=KHM", with or without its '?'.</summary>
    public static Outcome<RecommendationQuery> Parse(string? queryString) => Parse(
        (queryString ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => (Key: Unescape(kv[0]), Value: kv.Length > 1 ? Unescape(kv[1]) : ""))
            .GroupBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new KeyValuePair<string, IReadOnlyList<string?>>(g.Key, g.Select(kv => (string?)kv.Value).ToList())));

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    public RecommendationQuery WithPage(int page) => this with { Page = page };

    /// <summary>This query with <paramref name="value"/> of <paramref name="field"/> selected when it was not, and not when it was.</summary>
    public RecommendationQuery Toggle(string field, string value)
    {
        var selected = Selected(field);
        var next = selected.Contains(value) ? selected.Where(v => v != value).ToList() : [.. selected, value];
        var filters = new Dictionary<string, IReadOnlyList<string>>(Filters, StringComparer.Ordinal) { [field] = next };
        return this with { Filters = filters, Page = 1 };
    }

    /// <summary>The query string (without '?') that <see cref="Parse(string?)"/> reads back to an equal query.</summary>
    public string ToQueryString(bool withPaging = true)
    {
        var pairs = new List<(string, string)>();
        if (!string.IsNullOrWhiteSpace(Text)) pairs.Add((TextKey, Text));
        foreach (var field in Fields)
            pairs.AddRange(Selected(field).Select(v => (field, v)));
        if (Sort != RecommendationSort.Relevance) pairs.Add(("sort", Sort.ToString().ToLowerInvariant()));
        if (withPaging && Page != 1) pairs.Add(("page", Page.ToString(CultureInfo.InvariantCulture)));
        if (withPaging && PageSize != 20) pairs.Add(("pageSize", PageSize.ToString(CultureInfo.InvariantCulture)));
        var text = new StringBuilder();
        foreach (var (key, value) in pairs)
            text.Append(text.Length == 0 ? "" : "&").Append(key).Append('=').Append(Uri.EscapeDataString(value));
        return text.ToString();
    }

    /// <summary>The request for the search index; <paramref name="all"/> asks for every match, as an export does.</summary>
    public SearchRequest ToSearchRequest(bool all = false) => new()
    {
        Text = Text,
        Filters = Filters.ToDictionary(f => f.Key, f => (IReadOnlyCollection<string>)f.Value),
        Sort = Sort switch
        {
            RecommendationSort.Newest => SearchSort.KeyDescending,
            RecommendationSort.Oldest => SearchSort.KeyAscending,
            _ => SearchSort.Relevance,
        },
        Skip = all ? 0 : (Page - 1) * PageSize,
        Take = all ? int.MaxValue : PageSize,
    };

    // Codes are stored upper-case (KHM) and responses capitalised (Noted); people type them any way.
    private static string Normalise(string field, string value) => field switch
    {
        "sur" or "recommending" when value.Length == 3 => value.ToUpperInvariant(),
        "response" when EnumNames.TryParse<RecommendationResponse>(value, out var response) => response.ToString(),
        _ => value,
    };

    private static bool TryNumber(Dictionary<string, List<string>> values, string key, int min, int max, int fallback, out int number, out Refusal? error)
    {
        number = fallback;
        error = null;
        if (values.GetValueOrDefault(key)?.FirstOrDefault() is not { } text) return true;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= min && number <= max) return true;
        error = new Refusal(QueryProblem.NotAPageNumber, $"'{key}' is a whole number from {min} to {max}.", key, min, max) { Field = key };
        return false;
    }
}
