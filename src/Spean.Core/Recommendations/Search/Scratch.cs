using System.Collections.Concurrent;

namespace Spean.Core.Recommendations.Search;

/// <summary>
/// Reuses bitmap buffers across searches. At a million slots each bitmap is 125 KB, a large-object
/// allocation, and a dozen per search would otherwise trigger full garbage collections that stall queries.
/// </summary>
internal sealed class BitsPool
{
    private const int MaxKept = 64;
    private readonly ConcurrentBag<ulong[]> free = [];

    public ulong[] Rent(int words)
    {
        while (free.TryTake(out var buffer))
        {
            if (buffer.Length >= words)
            {
                Array.Clear(buffer);
                return buffer;
            }
        }
        return new ulong[words];
    }

    public void Return(ulong[] buffer)
    {
        if (free.Count < MaxKept)
        {
            free.Add(buffer);
        }
    }
}

/// <summary>The bitmaps of one search; all go back to the pool when it ends.</summary>
internal sealed class Scratch(BitsPool pool, int capacity) : IDisposable
{
    private readonly List<DocBits> rented = [];

    public DocBits Empty()
    {
        var bits = new DocBits(pool.Rent(DocBits.WordsFor(capacity)));
        rented.Add(bits);
        return bits;
    }

    public DocBits Copy(DocBits source)
    {
        var bits = Empty();
        bits.CopyFrom(source);
        return bits;
    }

    public void Dispose()
    {
        rented.ForEach(bits => pool.Return(bits.Words));
        rented.Clear();
    }
}
