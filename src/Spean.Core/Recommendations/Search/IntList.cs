namespace Spean.Core.Recommendations.Search;

/// <summary>Growable int buffer; postings and columns are append-only, so a plain array beats List&lt;int&gt; in hot loops.</summary>
internal sealed class IntList(int capacity = 4)
{
    private int[] items = new int[Math.Max(capacity, 1)];

    public int Count { get; private set; }

    /// <summary>The raw buffer; only the first <see cref="Count"/> items are meaningful.</summary>
    public int[] Items => items;

    public ReadOnlySpan<int> Span => items.AsSpan(0, Count);

    public int this[int index] => items[index];

    public void Add(int value)
    {
        if (Count == items.Length)
        {
            Array.Resize(ref items, items.Length * 2);
        }
        items[Count++] = value;
    }

    public void AddRange(ReadOnlySpan<int> values)
    {
        if (Count + values.Length > items.Length)
        {
            Array.Resize(ref items, Math.Max(Count + values.Length, items.Length * 2));
        }
        values.CopyTo(items.AsSpan(Count));
        Count += values.Length;
    }

    /// <summary>Leaves an eighth spare so the first updates after a bulk build do not copy every list.</summary>
    public void TrimExcess()
    {
        int target = Count + Count / 8 + 2;
        if (items.Length > target)
        {
            Array.Resize(ref items, target);
        }
    }
}
