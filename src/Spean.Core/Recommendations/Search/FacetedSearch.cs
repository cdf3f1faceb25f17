namespace Spean.Core.Recommendations.Search;

/// <summary>Runs one request against one consistent <see cref="IndexData"/> (the caller holds the read lock).</summary>
internal static class FacetedSearch
{
    public static SearchResult Run(IndexData data, SearchRequest request, QueryNode? root)
    {
        var countFields = (request.CountFields ?? data.Fields.Select(f => f.Name)).Select(data.Field).ToList();
        string? unknown = request.Filters.Keys.Concat(request.CountFields ?? []).FirstOrDefault(name => data.Field(name) is null);
        if (unknown is not null)
        {
            return SearchResult.Failed(new Refusal(QueryProblem.UnknownField, $"Unknown facet field '{unknown}'.", unknown));
        }
        using var scratch = new Scratch(data.Pool, data.SlotCount);
        var (text, result, filters, evaluator) = Match(data, request, root, scratch);
        var facets = FacetCounter.Count(text, result, filters, countFields!, scratch);
        var page = Page(data, request, result, root, evaluator);
        return new(result.Count(), page, facets, null);
    }

    /// <summary>Counts the matches by every pair of values of two fields; a match without a value counts under null.</summary>
    public static CrossCounts Cross(IndexData data, SearchRequest request, QueryNode? root, string rows, string columns)
    {
        var rowField = data.Field(rows);
        var columnField = data.Field(columns);
        string? unknown = request.Filters.Keys.Append(rows).Append(columns).FirstOrDefault(name => data.Field(name) is null);
        if (unknown is not null || rowField is null || columnField is null)
        {
            return CrossCounts.Failed(new Refusal(QueryProblem.UnknownField, $"Unknown facet field '{unknown}'.", unknown ?? ""));
        }
        using var scratch = new Scratch(data.Pool, data.SlotCount);
        var result = Match(data, request, root, scratch).Result;
        var counts = new Dictionary<(int Row, int Column), int>();
        ReadOnlySpan<int> none = [FacetField.None];
        foreach (int slot in result.Enumerate())
        {
            var rowOrdinals = rowField.OrdinalsOf(slot);
            var columnOrdinals = columnField.OrdinalsOf(slot);
            foreach (int row in rowOrdinals.IsEmpty ? none : rowOrdinals)
            {
                foreach (int column in columnOrdinals.IsEmpty ? none : columnOrdinals)
                {
                    counts[(row, column)] = counts.GetValueOrDefault((row, column)) + 1;
                }
            }
        }
        string? Name(FacetField field, int ordinal) => ordinal == FacetField.None ? null : field.ValueAt(ordinal);
        return new(counts.ToDictionary(c => (Name(rowField, c.Key.Row), Name(columnField, c.Key.Column)), c => c.Value), result.Count(), null);
    }

    private static (DocBits Text, DocBits Result, List<FacetFilter> Filters, QueryEvaluator Evaluator) Match(
        IndexData data, SearchRequest request, QueryNode? root, Scratch scratch)
    {
        var filters = request.Filters
            .Where(f => f.Value.Count > 0)
            .Select(f => Filter(data.Field(f.Key)!, f.Value, scratch))
            .ToList();
        var evaluator = new QueryEvaluator(data, scratch, Universe(data, filters, scratch));
        var text = root is null ? evaluator.Universe : evaluator.Evaluate(root);
        var result = scratch.Copy(text);
        filters.ForEach(f => result.And(f.Bits));
        return (text, result, filters, evaluator);
    }

    private static FacetFilter Filter(FacetField field, IReadOnlyCollection<string> selected, Scratch scratch)
    {
        var bits = scratch.Empty();
        field.Filter(selected, bits);
        return new(field, bits, selected.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// Live slots passing all filters but at most one: every set a result or a facet count needs lies inside,
    /// so the text query (phrase checks above all) need not look anywhere else.
    /// </summary>
    private static DocBits Universe(IndexData data, List<FacetFilter> filters, Scratch scratch)
    {
        var universe = scratch.Copy(data.Alive);
        if (filters.Count < 2)
        {
            return universe;
        }
        var anyButOne = scratch.Empty();
        foreach (var skipped in filters)
        {
            var all = scratch.Copy(universe);
            filters.Where(f => f != skipped).ToList().ForEach(f => all.And(f.Bits));
            anyButOne.Or(all);
        }
        return anyButOne;
    }

    private static List<Guid> Page(IndexData data, SearchRequest request, DocBits result, QueryNode? root, QueryEvaluator evaluator)
    {
        int skip = Math.Max(0, request.Skip);
        int count = (int)Math.Min((long)skip + Math.Max(0, request.Take), int.MaxValue);
        var slots = request.Sort switch
        {
            SearchSort.KeyAscending => Ranker.ByKey(data, result, descending: false, count),
            SearchSort.KeyDescending => Ranker.ByKey(data, result, descending: true, count),
            _ => Ranker.ByRelevance(data, result, root is null ? [] : evaluator.ScoringTerms(root), count),
        };
        return slots.Skip(skip).Select(data.IdAt).ToList();
    }
}

internal sealed record FacetFilter(FacetField Field, DocBits Bits, HashSet<string> Selected);
