using System.Buffers;
using System.Numerics;

namespace Spean.Core.Recommendations.Search;

/// <summary>Picks the first skip+take slots of a result set in order, with a bounded heap instead of a full sort.</summary>
internal static class Ranker
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;

    public static List<int> ByKey(IndexData data, DocBits set, bool descending, int count) =>
        Top(set, count, new KeyOrder(data.Keys, data.SecondaryKeys, descending));

    public static List<int> ByRelevance(IndexData data, DocBits set, IReadOnlyCollection<int> scoringTerms, int count)
    {
        if (scoringTerms.Count == 0)
        {
            return ByKey(data, set, descending: true, count);
        }
        float[] scores = ArrayPool<float>.Shared.Rent(data.SlotCount);
        try
        {
            Array.Clear(scores, 0, data.SlotCount);
            foreach (int term in scoringTerms)
            {
                AddScores(data, set, term, scores);
            }
            return Top(set, count, new ScoreOrder(scores, data.Keys));
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    /// <summary>BM25 contribution of one term to every slot of the set.</summary>
    private static void AddScores(IndexData data, DocBits set, int term, float[] scores)
    {
        var terms = data.Terms;
        int df = terms.DocumentFrequency(term);
        float idf = MathF.Log(1 + (data.LiveCount - df + 0.5f) / (df + 0.5f));
        float lengthWeight = B / (float)terms.AverageLength;
        int[] lengths = terms.Lengths;
        var postings = terms.Postings(term);
        for (int i = 0; i < postings.Length; i += 2 + postings[i + 1])
        {
            int slot = postings[i];
            if (set.Get(slot))
            {
                float tf = postings[i + 1];
                float norm = K1 * (1 - B + lengthWeight * lengths[slot]);
                scores[slot] += idf * tf * (K1 + 1) / (tf + norm);
            }
        }
    }

    /// <summary>The <paramref name="count"/> first slots of the set under <paramref name="order"/>, in that order.</summary>
    private static List<int> Top<TOrder>(DocBits set, int count, TOrder order) where TOrder : struct, ISlotOrder
    {
        if (count <= 0)
        {
            return [];
        }
        // The root is the slot that ranks last among those kept; a struct order lets the JIT inline comparisons.
        var heap = new List<int>(Math.Min(count, 1024));
        var words = set.Words;
        for (int i = 0; i < words.Length; i++)
        {
            for (ulong w = words[i]; w != 0; w &= w - 1)
            {
                int slot = (i << 6) + BitOperations.TrailingZeroCount(w);
                if (heap.Count < count)
                {
                    heap.Add(slot);
                    SiftUp(heap, heap.Count - 1, order);
                }
                else if (order.Before(slot, heap[0]))
                {
                    heap[0] = slot;
                    SiftDown(heap, order);
                }
            }
        }
        heap.Sort((a, b) => order.Before(a, b) ? -1 : order.Before(b, a) ? 1 : 0);
        return heap;
    }

    private static void SiftUp<TOrder>(List<int> heap, int i, TOrder order) where TOrder : struct, ISlotOrder
    {
        while (i > 0 && order.Before(heap[(i - 1) / 2], heap[i]))
        {
            (heap[i], heap[(i - 1) / 2]) = (heap[(i - 1) / 2], heap[i]);
            i = (i - 1) / 2;
        }
    }

    private static void SiftDown<TOrder>(List<int> heap, TOrder order) where TOrder : struct, ISlotOrder
    {
        for (int i = 0; ;)
        {
            int worst = i;
            foreach (int child in (ReadOnlySpan<int>)[2 * i + 1, 2 * i + 2])
            {
                if (child < heap.Count && order.Before(heap[worst], heap[child]))
                {
                    worst = child;
                }
            }
            if (worst == i)
            {
                return;
            }
            (heap[i], heap[worst]) = (heap[worst], heap[i]);
            i = worst;
        }
    }

    private interface ISlotOrder
    {
        /// <summary>True when slot <paramref name="a"/> comes before slot <paramref name="b"/> in the results.</summary>
        bool Before(int a, int b);
    }

    private readonly struct KeyOrder(long[] keys, long[] secondary, bool descending) : ISlotOrder
    {
        public bool Before(int a, int b)
        {
            int c = keys[a].CompareTo(keys[b]);
            if (c == 0)
            {
                c = secondary[a].CompareTo(secondary[b]);
            }
            return c != 0 ? (descending ? c > 0 : c < 0) : a < b;
        }
    }

    /// <summary>Higher score first, then higher sort key (newer sessions), then slot.</summary>
    private readonly struct ScoreOrder(float[] scores, long[] keys) : ISlotOrder
    {
        public bool Before(int a, int b) =>
            scores[a] != scores[b] ? scores[a] > scores[b] : keys[a] != keys[b] ? keys[a] > keys[b] : a < b;
    }
}
