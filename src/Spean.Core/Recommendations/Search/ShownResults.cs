namespace Spean.Core.Recommendations.Search;

/// <summary>
/// Result pages and recommendations lately shown, so that the same link asked again (a shared search, a facet's landing
/// page) is answered without searching, counting and reading six queries' rows again. Exactly as fresh as the index:
/// every change the index takes (a rebuild, an edit) empties or trims this first, and nothing read before a change is
/// kept after it.
/// </summary>
internal sealed class ShownResults(int rowCapacity, int pageCapacity)
{
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, Recommendation> rows = [];
    private readonly Dictionary<string, RecommendationResults> pages = new(StringComparer.Ordinal);
    private long generation;

    /// <summary>The count of changes so far, to hand back to <see cref="Keep(long, IEnumerable{Recommendation})"/> with what was read after it.</summary>
    public long Generation
    {
        get
        {
            lock (gate) return generation;
        }
    }

    public bool TryGetPage(string query, out RecommendationResults page)
    {
        lock (gate) return pages.TryGetValue(query, out page!);
    }

    public void Keep(long readAt, string query, RecommendationResults page)
    {
        lock (gate)
        {
            if (readAt != generation) return;
            if (pages.Count >= pageCapacity) pages.Clear();
            pages[query] = page;
        }
    }

    public void Find(IReadOnlyCollection<Guid> ids, Dictionary<Guid, Recommendation> found, List<Guid> missing)
    {
        lock (gate)
        {
            foreach (var id in ids)
            {
                if (rows.TryGetValue(id, out var row)) found[id] = row;
                else missing.Add(id);
            }
        }
    }

    public void Keep(long readAt, IEnumerable<Recommendation> read)
    {
        lock (gate)
        {
            // Read before a change: the database may have answered with the row as it was.
            if (readAt != generation) return;
            foreach (var row in read)
            {
                if (rows.Count >= rowCapacity) rows.Clear();
                rows[row.Id] = row;
            }
        }
    }

    public void Forget(Guid id)
    {
        lock (gate)
        {
            generation++;
            rows.Remove(id);
            pages.Clear();
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            generation++;
            rows.Clear();
            pages.Clear();
        }
    }
}
