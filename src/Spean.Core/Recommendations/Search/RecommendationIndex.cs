namespace Spean.Core.Recommendations.Search;

/// <summary>
/// In-memory faceted full-text index of recommendations. Many readers run at once; writers are serialised
/// and block readers only for the short moment they change or swap the data. Rebuild and compaction work
/// on a fresh copy without blocking readers.
/// </summary>
public sealed class RecommendationIndex : IDisposable
{
    private readonly ReaderWriterLockSlim gate = new();
    private readonly object writers = new();
    private readonly string[] fieldNames;
    private readonly TextAnalyzer analyzer;
    private readonly Highlighter highlighter;
    private IndexData data;

    /// <param name="facetFields">Names of the facet fields, e.g. "sur", "response", "issue".</param>
    /// <param name="khmerSegmenter">Splits a run of Khmer script into words.</param>
    public RecommendationIndex(IEnumerable<string> facetFields, Func<string, IEnumerable<string>> khmerSegmenter)
    {
        fieldNames = facetFields.Distinct(StringComparer.Ordinal).ToArray();
        analyzer = new TextAnalyzer(khmerSegmenter);
        highlighter = new Highlighter(analyzer);
        data = new IndexData(fieldNames, analyzer);
    }

    public IReadOnlyList<string> FacetFields => fieldNames;

    /// <summary>Live documents.</summary>
    public int Count => Read(d => d.LiveCount);

    /// <summary>Compaction runs by itself once tombstoned slots pass this share of all slots (and 1,000).</summary>
    public double CompactionThreshold { get; init; } = 0.25;

    /// <summary>Replaces the whole contents; readers see the old contents until the new ones are complete.</summary>
    public void Build(IEnumerable<RecommendationDocument> documents)
    {
        lock (writers)
        {
            var fresh = IndexData.Build(fieldNames, analyzer, documents);
            Write(() => data = fresh);
        }
    }

    /// <summary>Adds the document, or replaces the one with the same id.</summary>
    public void Upsert(RecommendationDocument document)
    {
        lock (writers)
        {
            Write(() => data.Upsert(document));
            CompactIfWorthIt();
        }
    }

    public bool Remove(Guid id)
    {
        lock (writers)
        {
            bool removed = false;
            Write(() => removed = data.Remove(id));
            CompactIfWorthIt();
            return removed;
        }
    }

    /// <summary>Drops tombstoned slots by copying the live ones into fresh, exactly sized structures.</summary>
    public void Compact()
    {
        lock (writers)
        {
            var fresh = data.Compacted();
            Write(() => data = fresh);
        }
    }

    public SearchResult Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parsed = QueryParser.Parse(request.Text, analyzer);
        if (parsed.Error is not null)
        {
            return SearchResult.Failed(parsed.Error);
        }
        return Read(d => FacetedSearch.Run(d, request, parsed.Root));
    }

    /// <summary>Counts what <paramref name="request"/> matches by the values of two facet fields (paging and sort are ignored).</summary>
    public CrossCounts Cross(SearchRequest request, string rows, string columns)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parsed = QueryParser.Parse(request.Text, analyzer);
        if (parsed.Error is not null)
        {
            return CrossCounts.Failed(parsed.Error);
        }
        return Read(d => FacetedSearch.Cross(d, request, parsed.Root, rows, columns));
    }

    /// <summary>The stored texts of a live document, e.g. to render a result page with highlights.</summary>
    public bool TryGetText(Guid id, out string englishText, out string? khmerText)
    {
        gate.EnterReadLock();
        try
        {
            return data.TryGetText(id, out englishText, out khmerText);
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>A message for the user when <paramref name="query"/> cannot be read, otherwise null.</summary>
    public Refusal? Validate(string? query) => QueryParser.Parse(query, analyzer).Error;

    /// <summary>Sorted, non-overlapping ranges of <paramref name="text"/> that the query matched; empty for an invalid query.</summary>
    public IReadOnlyList<HighlightRange> Highlight(string? query, string text) =>
        highlighter.Find(QueryParser.Parse(query, analyzer).Root, text);

    /// <summary>
    /// The query read once for all the texts of a result page (<c>marks.In(text)</c>), rather than once per text:
    /// the same ranges as <see cref="Highlight"/>.
    /// </summary>
    internal Highlighter.Marks Marks(string? query) => highlighter.For(QueryParser.Parse(query, analyzer).Root);

    public void Dispose() => gate.Dispose();

    private void CompactIfWorthIt()
    {
        var current = data;
        if (current.DeadCount >= 1000 && current.DeadCount > CompactionThreshold * current.SlotCount)
        {
            Compact();
        }
    }

    private T Read<T>(Func<IndexData, T> read)
    {
        gate.EnterReadLock();
        try
        {
            return read(data);
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    private void Write(Action write)
    {
        gate.EnterWriteLock();
        try
        {
            write();
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }
}
