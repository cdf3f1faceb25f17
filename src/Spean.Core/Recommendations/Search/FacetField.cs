namespace Spean.Core.Recommendations.Search;

/// <summary>
/// One facet field. Values are interned as ordinals. Each slot's ordinal sits in a dense column; a second,
/// offset-based column appears once any slot has several values. Each value keeps a posting list of slots,
/// and while the field has few values also a bitmap, which makes filters and counts word-wise.
/// </summary>
internal sealed class FacetField(string name, int capacity = 1024)
{
    public const int MaxBitmapValues = 64;
    public const int None = -1;
    private readonly Dictionary<string, int> ordinals = new(StringComparer.Ordinal);
    private readonly List<string> values = [];
    private readonly List<IntList> postings = [];
    private readonly IntList first = new(capacity);
    private List<DocBits>? bitmaps = [];
    private IntList? starts;
    private IntList? column;

    public string Name { get; } = name;

    public int ValueCount => values.Count;

    public string ValueAt(int ordinal) => values[ordinal];

    /// <summary>Per slot, its only (or first) ordinal, or <see cref="None"/>.</summary>
    public int[] First => first.Items;

    /// <summary>When not null, slot s has ordinals Column[Starts[s]..Starts[s+1]].</summary>
    public int[]? Starts => starts?.Items;

    public int[]? Column => column?.Items;

    /// <summary>Per ordinal, the slots holding it; null once the field has too many values.</summary>
    public IReadOnlyList<DocBits>? Bitmaps => bitmaps;

    public void Add(int slot, IReadOnlyList<string>? slotValues)
    {
        int n = slotValues?.Count ?? 0;
        Span<int> distinct = n <= 64 ? stackalloc int[n] : new int[n];
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            int ordinal = OrdinalOf(slotValues![i]);
            if (!distinct[..count].Contains(ordinal))
            {
                distinct[count++] = ordinal;
            }
        }
        AddOrdinals(slot, distinct[..count]);
    }

    /// <summary>A copy holding only slots with <c>map[slot] &gt;= 0</c>, renumbered to <c>map[slot]</c> (ascending).</summary>
    public FacetField Compacted(int[] map, int liveCount)
    {
        var copy = new FacetField(Name, liveCount + liveCount / 8 + 2);
        values.ForEach(value => copy.OrdinalOf(value));
        for (int slot = 0; slot < map.Length; slot++)
        {
            if (map[slot] >= 0)
            {
                copy.AddOrdinals(map[slot], OrdinalsOf(slot));
            }
        }
        return copy;
    }

    public ReadOnlySpan<int> OrdinalsOf(int slot) => starts is not null
        ? column!.Span[starts[slot]..starts[slot + 1]]
        : first[slot] == None ? [] : first.Span.Slice(slot, 1);

    private void AddOrdinals(int slot, ReadOnlySpan<int> distinct)
    {
        first.Add(distinct.Length > 0 ? distinct[0] : None);
        if (distinct.Length > 1 && starts is null)
        {
            StartMultiValued(slot);
        }
        foreach (int ordinal in distinct)
        {
            column?.Add(ordinal);
            postings[ordinal].Add(slot);
            if (bitmaps is not null)
            {
                bitmaps[ordinal].EnsureCapacity(slot + 1);
                bitmaps[ordinal].Set(slot);
            }
        }
        starts?.Add(column!.Count);
    }

    public IReadOnlyList<string> ValuesOf(int slot) => OrdinalsOf(slot).ToArray().Select(o => values[o]).ToArray();

    /// <summary>Adds the slots having any of <paramref name="selected"/> to <paramref name="bits"/>; unknown values add nothing.</summary>
    public void Filter(IEnumerable<string> selected, DocBits bits)
    {
        foreach (string value in selected)
        {
            if (!ordinals.TryGetValue(value, out int ordinal))
            {
                continue;
            }
            if (bitmaps is not null)
            {
                bits.Or(bitmaps[ordinal]);
                continue;
            }
            foreach (int slot in postings[ordinal].Span)
            {
                bits.Set(slot);
            }
        }
    }

    public void TrimExcess()
    {
        first.TrimExcess();
        starts?.TrimExcess();
        column?.TrimExcess();
        postings.ForEach(p => p.TrimExcess());
    }

    private void StartMultiValued(int slot)
    {
        starts = new IntList(first.Items.Length);
        column = new IntList(first.Items.Length);
        starts.Add(0);
        for (int s = 0; s < slot; s++)
        {
            if (first[s] != None)
            {
                column.Add(first[s]);
            }
            starts.Add(column.Count);
        }
    }

    private int OrdinalOf(string value)
    {
        if (!ordinals.TryGetValue(value, out int ordinal))
        {
            ordinal = values.Count;
            ordinals.Add(value, ordinal);
            values.Add(value);
            postings.Add(new IntList());
            bitmaps?.Add(new DocBits(first.Items.Length));
            if (values.Count > MaxBitmapValues)
            {
                bitmaps = null;
            }
        }
        return ordinal;
    }
}
