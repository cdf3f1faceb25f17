namespace Spean.Core.Recommendations.Search;

/// <summary>
/// Recommendations lately shown on result pages, so the next page that shows them need not read them again (six
/// queries a page). Exactly as fresh as the index: every change the index takes (a rebuild, an edit) empties or trims
/// this first, and rows read before a change are not kept after it.
/// </summary>
internal sealed class ShownRows(int capacity)
{
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, Recommendation> rows = [];
    private long generation;

    /// <returns>The change count to hand back to <see cref="Keep"/> with the rows read from the database.</returns>
    public long Find(IReadOnlyCollection<Guid> ids, Dictionary<Guid, Recommendation> found, List<Guid> missing)
    {
        lock (gate)
        {
            foreach (var id in ids)
            {
                if (rows.TryGetValue(id, out var row)) found[id] = row;
                else missing.Add(id);
            }
            return generation;
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
                if (rows.Count >= capacity) rows.Clear();
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
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            generation++;
            rows.Clear();
        }
    }
}
