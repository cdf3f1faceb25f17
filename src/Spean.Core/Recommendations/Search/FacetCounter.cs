using System.Numerics;

namespace Spean.Core.Recommendations.Search;

/// <summary>
/// Multi-select facet counts: a field's counts use every filter except its own, so each number says
/// how many results choosing that value would give. A field with value bitmaps is counted by intersecting
/// them with the set when that is cheaper than visiting every slot; the other fields sharing a set are
/// counted in one pass over it.
/// </summary>
internal static class FacetCounter
{
    public static Dictionary<string, IReadOnlyList<FacetCount>> Count(
        DocBits text, DocBits result, IReadOnlyList<FacetFilter> filters, IReadOnlyList<FacetField> fields, Scratch scratch)
    {
        var counts = fields.Distinct().ToDictionary(f => f, f => new int[f.ValueCount]);
        var shared = counts.Keys.Where(f => filters.All(x => x.Field != f)).ToArray();
        Tally(result, shared, counts);
        foreach (var own in filters.Where(x => counts.ContainsKey(x.Field)))
        {
            var set = scratch.Copy(text);
            filters.Where(x => x != own).ToList().ForEach(other => set.And(other.Bits));
            Tally(set, [own.Field], counts);
        }
        return counts.Keys.ToDictionary(f => f.Name, f => (IReadOnlyList<FacetCount>)List(f, counts[f], filters.FirstOrDefault(x => x.Field == f)?.Selected));
    }

    private static void Tally(DocBits set, FacetField[] fields, Dictionary<FacetField, int[]> counts)
    {
        if (fields.Length == 0)
        {
            return;
        }
        int size = set.Count();
        var byBitmap = fields.Where(f => f.Bitmaps is not null && (long)f.ValueCount * set.Words.Length < 2L * size).ToArray();
        foreach (var field in byBitmap)
        {
            for (int ordinal = 0; ordinal < field.ValueCount; ordinal++)
            {
                counts[field][ordinal] = set.CountAnd(field.Bitmaps![ordinal]);
            }
        }
        var bySlot = fields.Except(byBitmap).ToArray();
        if (bySlot.Length > 0)
        {
            Visit(set, bySlot, bySlot.Select(f => counts[f]).ToArray());
        }
    }

    private static void Visit(DocBits set, FacetField[] fields, int[][] counts)
    {
        var first = fields.Select(f => f.First).ToArray();
        var starts = fields.Select(f => f.Starts).ToArray();
        var columns = fields.Select(f => f.Column).ToArray();
        var words = set.Words;
        for (int i = 0; i < words.Length; i++)
        {
            for (ulong w = words[i]; w != 0; w &= w - 1)
            {
                int slot = (i << 6) + BitOperations.TrailingZeroCount(w);
                for (int f = 0; f < fields.Length; f++)
                {
                    int[]? s = starts[f];
                    if (s is null)
                    {
                        int ordinal = first[f][slot];
                        if (ordinal >= 0)
                        {
                            counts[f][ordinal]++;
                        }
                        continue;
                    }
                    int[] column = columns[f]!;
                    for (int j = s[slot], end = s[slot + 1]; j < end; j++)
                    {
                        counts[f][column[j]]++;
                    }
                }
            }
        }
    }

    private static List<FacetCount> List(FacetField field, int[] counts, HashSet<string>? selected)
    {
        var list = new List<FacetCount>();
        for (int ordinal = 0; ordinal < counts.Length; ordinal++)
        {
            string value = field.ValueAt(ordinal);
            bool isSelected = selected?.Contains(value) == true;
            if (counts[ordinal] > 0 || isSelected)
            {
                list.Add(new(value, counts[ordinal], isSelected));
            }
        }
        foreach (string value in selected ?? [])
        {
            if (!list.Any(c => c.Value == value))
            {
                list.Add(new(value, 0, true));
            }
        }
        return list.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).ToList();
    }
}
