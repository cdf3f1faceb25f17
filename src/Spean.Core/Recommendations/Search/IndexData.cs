namespace Spean.Core.Recommendations.Search;

/// <summary>
/// Everything indexed, by slot. Slots are append-only: an update tombstones the old slot and appends a new one,
/// and compaction rebuilds a fresh instance from the live slots. Not thread-safe; the owner serialises writers.
/// </summary>
internal sealed class IndexData
{
    private readonly Dictionary<Guid, int> slotOf = [];
    private readonly List<Guid> ids = [];
    private readonly List<string> english = [];
    private readonly List<string?> khmer = [];
    private long[] keys = new long[1024];
    private long[] secondaryKeys = new long[1024];
    private readonly Dictionary<string, int> fieldIndex;
    private readonly IReadOnlyList<string> fieldNames;

    public IndexData(IReadOnlyList<string> fieldNames, TextAnalyzer analyzer)
    {
        this.fieldNames = fieldNames;
        Analyzer = analyzer;
        Terms = new TermIndex(analyzer);
        Fields = fieldNames.Select(name => new FacetField(name)).ToArray();
        fieldIndex = fieldNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        Alive = new DocBits(1024);
    }

    public TextAnalyzer Analyzer { get; }

    public TermIndex Terms { get; private set; }

    public FacetField[] Fields { get; private set; }

    public DocBits Alive { get; private set; }

    public BitsPool Pool { get; } = new();

    public int SlotCount => ids.Count;

    public int LiveCount => slotOf.Count;

    public int DeadCount => SlotCount - LiveCount;

    /// <summary>Sort keys by slot; the arrays may be longer than <see cref="SlotCount"/>.</summary>
    public long[] Keys => keys;

    public long[] SecondaryKeys => secondaryKeys;

    public Guid IdAt(int slot) => ids[slot];

    public bool TryGetText(Guid id, out string englishText, out string? khmerText)
    {
        bool found = slotOf.TryGetValue(id, out int slot);
        englishText = found ? english[slot] : "";
        khmerText = found ? khmer[slot] : null;
        return found;
    }

    public FacetField? Field(string name) => fieldIndex.TryGetValue(name, out int i) ? Fields[i] : null;

    public static IndexData Build(IReadOnlyList<string> fieldNames, TextAnalyzer analyzer, IEnumerable<RecommendationDocument> documents)
    {
        var data = new IndexData(fieldNames, analyzer);
        foreach (var document in documents)
        {
            data.Upsert(document);
        }
        data.TrimExcess();
        return data;
    }

    public void Upsert(RecommendationDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(document.Facets);
        foreach (var (field, values) in document.Facets)
        {
            if (!fieldIndex.ContainsKey(field))
            {
                throw new ArgumentException($"Unknown facet field '{field}'.", nameof(document));
            }
            if (values is null || values.Contains(null!))
            {
                throw new ArgumentException($"Facet field '{field}' has a null value.", nameof(document));
            }
        }
        Remove(document.Id);
        Append(document);
    }

    public bool Remove(Guid id)
    {
        if (!slotOf.Remove(id, out int slot))
        {
            return false;
        }
        Alive.Clear(slot);
        return true;
    }

    /// <summary>A copy without tombstoned slots, built from the indexed data (no re-analysis) and sized exactly.</summary>
    public IndexData Compacted()
    {
        int[] map = new int[SlotCount];
        int live = 0;
        for (int slot = 0; slot < SlotCount; slot++)
        {
            map[slot] = Alive.Get(slot) ? live++ : -1;
        }
        var copy = new IndexData(fieldNames, Analyzer)
        {
            Terms = Terms.Compacted(map, live),
            Fields = Fields.Select(f => f.Compacted(map, live)).ToArray(),
            Alive = new DocBits(live),
            keys = new long[live + live / 8 + 2],
            secondaryKeys = new long[live + live / 8 + 2],
        };
        copy.ids.Capacity = copy.english.Capacity = copy.khmer.Capacity = live;
        copy.slotOf.EnsureCapacity(live);
        foreach (int slot in Alive.Enumerate())
        {
            copy.AppendStored(ids[slot], english[slot], khmer[slot], keys[slot], secondaryKeys[slot]);
        }
        return copy;
    }

    private void Append(RecommendationDocument document)
    {
        int slot = ids.Count;
        Terms.Add(document.EnglishText ?? "", document.KhmerText);
        foreach (var field in Fields)
        {
            field.Add(slot, document.Facets.GetValueOrDefault(field.Name));
        }
        AppendStored(document.Id, document.EnglishText ?? "", document.KhmerText, document.SortKey, document.SecondarySortKey);
    }

    /// <summary>The per-slot columns; terms and facets are added by the caller.</summary>
    private void AppendStored(Guid id, string englishText, string? khmerText, long key, long secondaryKey)
    {
        int slot = ids.Count;
        ids.Add(id);
        english.Add(englishText);
        khmer.Add(khmerText);
        if (slot == keys.Length)
        {
            Array.Resize(ref keys, slot * 2);
            Array.Resize(ref secondaryKeys, slot * 2);
        }
        keys[slot] = key;
        secondaryKeys[slot] = secondaryKey;
        Alive.EnsureCapacity(slot + 1);
        Alive.Set(slot);
        slotOf[id] = slot;
    }

    private void TrimExcess()
    {
        Terms.TrimExcess();
        foreach (var field in Fields)
        {
            field.TrimExcess();
        }
    }
}
