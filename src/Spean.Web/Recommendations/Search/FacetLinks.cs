using Spean.Core.Recommendations;

namespace Spean.Web.Recommendations.Search;

/// <summary>
/// The links of one facet's values: what <c>query.Toggle(field, value).ToQueryString()</c> gives, with the parts
/// before and after the field written once for all its values (a search page has some two hundred).
/// </summary>
internal sealed class FacetLinks
{
    private readonly string field;
    private readonly IReadOnlyList<string> selected;
    private readonly string before;
    private readonly string after;

    public FacetLinks(RecommendationQuery query, string field)
    {
        this.field = field;
        selected = query.Selected(field);
        // Toggling goes back to the first page and keeps the rest; a query string without the field splits around it.
        var fieldsBefore = RecommendationQuery.Fields.TakeWhile(f => f != field).ToHashSet();
        var fieldsAfter = RecommendationQuery.Fields.SkipWhile(f => f != field).Skip(1).ToHashSet();
        var head = query with { Sort = RecommendationSort.Relevance, Page = 1, PageSize = 20, Filters = Only(query, fieldsBefore) };
        var tail = query with { Text = null, Page = 1, Filters = Only(query, fieldsAfter) };
        before = head.ToQueryString();
        after = tail.ToQueryString();
    }

    private static Dictionary<string, IReadOnlyList<string>> Only(RecommendationQuery query, HashSet<string> fields) =>
        query.Filters.Where(f => fields.Contains(f.Key)).ToDictionary(StringComparer.Ordinal);

    public string For(string value)
    {
        var values = selected.Contains(value) ? selected.Where(v => v != value) : selected.Append(value);
        var middle = string.Join('&', values.Select(v => field + "=" + Uri.EscapeDataString(v)));
        return string.Join('&', new[] { before, middle, after }.Where(part => part.Length > 0));
    }
}
