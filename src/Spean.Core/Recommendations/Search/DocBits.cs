using System.Numerics;

namespace Spean.Core.Recommendations.Search;

/// <summary>A set of document slots as a bitmap; every query step is a word-wise operation over it.</summary>
internal sealed class DocBits
{
    private ulong[] words;

    public DocBits(int capacity) => words = new ulong[WordsFor(capacity)];

    public DocBits(ulong[] words) => this.words = words;

    public ulong[] Words => words;

    public static int WordsFor(int capacity) => (capacity + 63) >> 6;

    public DocBits Clone() => new((ulong[])words.Clone());

    public void EnsureCapacity(int capacity)
    {
        int needed = WordsFor(capacity);
        if (needed > words.Length)
        {
            Array.Resize(ref words, Math.Max(needed, words.Length * 2));
        }
    }

    public void CopyFrom(DocBits other)
    {
        int n = Math.Min(words.Length, other.words.Length);
        other.words.AsSpan(0, n).CopyTo(words);
        words.AsSpan(n).Clear();
    }

    /// <summary>Size of the intersection, without building it.</summary>
    public int CountAnd(DocBits other)
    {
        var mine = words.AsSpan(0, Math.Min(words.Length, other.words.Length));
        var theirs = other.words.AsSpan(0, mine.Length);
        int total = 0;
        for (int i = 0; i < mine.Length; i++)
        {
            total += BitOperations.PopCount(mine[i] & theirs[i]);
        }
        return total;
    }

    public void Set(int doc) => words[doc >> 6] |= 1UL << doc;

    public void Clear(int doc) => words[doc >> 6] &= ~(1UL << doc);

    public bool Get(int doc) => (words[doc >> 6] & (1UL << doc)) != 0;

    public void And(DocBits other)
    {
        var mine = words.AsSpan();
        var theirs = other.words;
        for (int i = 0; i < mine.Length; i++)
        {
            mine[i] &= i < theirs.Length ? theirs[i] : 0;
        }
    }

    public void Or(DocBits other)
    {
        var mine = words.AsSpan();
        var theirs = other.words.AsSpan(0, Math.Min(other.words.Length, mine.Length));
        for (int i = 0; i < theirs.Length; i++)
        {
            mine[i] |= theirs[i];
        }
    }

    public void AndNot(DocBits other)
    {
        var mine = words.AsSpan();
        var theirs = other.words.AsSpan(0, Math.Min(other.words.Length, mine.Length));
        for (int i = 0; i < theirs.Length; i++)
        {
            mine[i] &= ~theirs[i];
        }
    }

    public int Count()
    {
        int total = 0;
        foreach (ulong w in words)
        {
            total += BitOperations.PopCount(w);
        }
        return total;
    }

    /// <summary>Slots in ascending order.</summary>
    public IEnumerable<int> Enumerate()
    {
        for (int i = 0; i < words.Length; i++)
        {
            ulong w = words[i];
            while (w != 0)
            {
                yield return (i << 6) + BitOperations.TrailingZeroCount(w);
                w &= w - 1;
            }
        }
    }
}
