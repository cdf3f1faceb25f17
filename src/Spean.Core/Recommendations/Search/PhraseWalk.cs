namespace Spean.Core.Recommendations.Search;

/// <summary>
/// Walks the positional postings of a phrase's words in step: the rarest word leads, the others only move forward,
/// so the cost is one sequential pass over each list.
/// </summary>
internal sealed class PhraseWalk(IntList[] lists, int[] documentFrequencies)
{
    private readonly int[] cursors = new int[lists.Length];
    private readonly int lead = Array.IndexOf(documentFrequencies, documentFrequencies.Min());

    public void Run(DocBits within, DocBits output)
    {
        var leader = lists[lead];
        for (int i = 0; i < leader.Count; i += 2 + leader[i + 1])
        {
            int slot = leader[i];
            if (!within.Get(slot))
            {
                continue;
            }
            switch (AlignTo(slot))
            {
                case null:
                    return; // some word has no later slot, so nothing further can match
                case true when HasConsecutive(i):
                    output.Set(slot);
                    break;
            }
        }
    }

    /// <summary>Moves every other cursor to its first entry at or after <paramref name="slot"/>; true if all are on it.</summary>
    private bool? AlignTo(int slot)
    {
        bool all = true;
        for (int w = 0; w < lists.Length; w++)
        {
            if (w == lead)
            {
                continue;
            }
            int[] items = lists[w].Items;
            int count = lists[w].Count;
            int c = cursors[w];
            while (c < count && items[c] < slot)
            {
                c += 2 + items[c + 1];
            }
            cursors[w] = c;
            if (c >= count)
            {
                return null;
            }
            all &= items[c] == slot;
        }
        return all;
    }

    private bool HasConsecutive(int leaderEntry)
    {
        var leader = lists[lead];
        for (int p = 0; p < leader[leaderEntry + 1]; p++)
        {
            int start = leader[leaderEntry + 2 + p] - lead;
            if (AllAt(start))
            {
                return true;
            }
        }
        return false;
    }

    private bool AllAt(int start)
    {
        for (int w = 0; w < lists.Length; w++)
        {
            if (w == lead)
            {
                continue;
            }
            int[] items = lists[w].Items;
            int c = cursors[w];
            if (Array.IndexOf(items, start + w, c + 2, items[c + 1]) < 0)
            {
                return false;
            }
        }
        return true;
    }
}
