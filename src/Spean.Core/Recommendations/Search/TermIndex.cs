using System.Runtime.InteropServices;

namespace Spean.Core.Recommendations.Search;

/// <summary>
/// Positional postings: per term, for each slot holding it (ascending), the entry [slot, tf, position × tf].
/// Phrases are checked by walking the lists of their words side by side, which reads memory sequentially.
/// </summary>
internal sealed class TermIndex
{
    private const int KhmerGap = 1; // positions skip one between English and Khmer text, so no phrase spans both
    private readonly TextAnalyzer analyzer;
    private readonly Dictionary<string, int> termIds;
    private readonly Dictionary<string, int> surfaces;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> surfaceLookup;
    private readonly List<IntList> postings;
    private readonly IntList documentFrequencies;
    private readonly IntList lengths;
    private readonly List<long> pending = []; // term << 32 | position, for the document being added
    private readonly TokenSink appendToken;
    private long totalLength;
    private int position;

    public TermIndex(TextAnalyzer analyzer)
        : this(analyzer, new(StringComparer.Ordinal), new(StringComparer.Ordinal), [], new IntList(1024), new IntList(1024))
    {
    }

    private TermIndex(
        TextAnalyzer analyzer, Dictionary<string, int> termIds, Dictionary<string, int> surfaces,
        List<IntList> postings, IntList documentFrequencies, IntList lengths)
    {
        this.analyzer = analyzer;
        this.termIds = termIds;
        this.surfaces = surfaces;
        this.postings = postings;
        this.documentFrequencies = documentFrequencies;
        this.lengths = lengths;
        totalLength = lengths.Span.ToArray().Sum(n => (long)n);
        surfaceLookup = surfaces.GetAlternateLookup<ReadOnlySpan<char>>();
        appendToken = (surface, _, _) => pending.Add(((long)TermOf(surface) << 32) | (uint)position++);
    }

    public int SlotCount => lengths.Count;

    public double AverageLength => SlotCount == 0 ? 1 : Math.Max(1.0, (double)totalLength / SlotCount);

    /// <summary>Tokens per slot, for length normalisation; may be longer than <see cref="SlotCount"/>.</summary>
    public int[] Lengths => lengths.Items;

    /// <summary>Entries [slot, tf, positions...] with slots ascending.</summary>
    public ReadOnlySpan<int> Postings(int term) => postings[term].Span;

    public int DocumentFrequency(int term) => documentFrequencies[term];

    public void Add(string english, string? khmer)
    {
        pending.Clear();
        position = 0;
        analyzer.Tokenize(english, appendToken);
        if (!string.IsNullOrEmpty(khmer))
        {
            position += KhmerGap;
            analyzer.Tokenize(khmer, appendToken);
        }
        lengths.Add(pending.Count);
        totalLength += pending.Count;
        AddPostings(SlotCount - 1);
    }

    /// <summary>The term a query word maps to, or -1 when no document has it.</summary>
    public int Find(string surface)
    {
        if (surfaces.TryGetValue(surface, out int id))
        {
            return id;
        }
        return termIds.TryGetValue(analyzer.Stem(surface), out id) ? id : -1;
    }

    /// <summary>Terms of every indexed surface word starting with <paramref name="prefix"/> (before stemming, so "discriminat*" works).</summary>
    public IReadOnlyCollection<int> Expand(string prefix)
    {
        var found = new HashSet<int>();
        foreach (var (surface, id) in surfaces)
        {
            if (surface.StartsWith(prefix, StringComparison.Ordinal))
            {
                found.Add(id);
            }
        }
        return found;
    }

    public void AddTo(int term, DocBits bits)
    {
        var span = postings[term].Span;
        for (int i = 0; i < span.Length; i += 2 + span[i + 1])
        {
            bits.Set(span[i]);
        }
    }

    /// <summary>Sets in <paramref name="output"/> the slots of <paramref name="within"/> holding the terms at consecutive positions.</summary>
    public void MatchPhrase(int[] sequence, DocBits within, DocBits output) =>
        new PhraseWalk(sequence.Select(t => postings[t]).ToArray(), sequence.Select(DocumentFrequency).ToArray()).Run(within, output);

    /// <summary>A copy holding only slots with <c>map[slot] &gt;= 0</c>, renumbered to <c>map[slot]</c> (ascending), sized exactly.</summary>
    public TermIndex Compacted(int[] map, int liveCount)
    {
        var newLengths = new IntList(liveCount + liveCount / 8 + 2);
        for (int slot = 0; slot < SlotCount; slot++)
        {
            if (map[slot] >= 0)
            {
                newLengths.Add(lengths[slot]);
            }
        }
        var newFrequencies = new IntList(postings.Count + 1);
        var newPostings = postings.Select(list => Remap(list, map, newFrequencies)).ToList();
        return new TermIndex(analyzer, new(termIds, StringComparer.Ordinal), new(surfaces, StringComparer.Ordinal), newPostings, newFrequencies, newLengths);
    }

    public void TrimExcess()
    {
        lengths.TrimExcess();
        postings.ForEach(list => list.TrimExcess());
    }

    private static IntList Remap(IntList entries, int[] map, IntList frequencies)
    {
        var span = entries.Span;
        int size = 0;
        int count = 0;
        for (int i = 0; i < span.Length; i += 2 + span[i + 1])
        {
            if (map[span[i]] >= 0)
            {
                size += 2 + span[i + 1];
                count++;
            }
        }
        var result = new IntList(size + size / 8 + 2);
        for (int i = 0; i < span.Length; i += 2 + span[i + 1])
        {
            if (map[span[i]] >= 0)
            {
                result.Add(map[span[i]]);
                result.AddRange(span.Slice(i + 1, 1 + span[i + 1]));
            }
        }
        frequencies.Add(count);
        return result;
    }

    private int TermOf(ReadOnlySpan<char> surface)
    {
        if (surfaceLookup.TryGetValue(surface, out int id))
        {
            return id;
        }
        string word = new(surface);
        string stem = analyzer.Stem(word);
        if (!termIds.TryGetValue(stem, out id))
        {
            id = postings.Count;
            termIds.Add(stem, id);
            postings.Add(new IntList(3));
            documentFrequencies.Add(0);
        }
        surfaces.Add(word, id);
        return id;
    }

    /// <summary>Sorting term-major keeps each term's positions ascending, ready to append.</summary>
    private void AddPostings(int slot)
    {
        var entries = CollectionsMarshal.AsSpan(pending);
        entries.Sort();
        for (int i = 0; i < entries.Length;)
        {
            int term = (int)(entries[i] >> 32);
            int run = 1;
            while (i + run < entries.Length && (int)(entries[i + run] >> 32) == term)
            {
                run++;
            }
            var list = postings[term];
            list.Add(slot);
            list.Add(run);
            for (int j = i; j < i + run; j++)
            {
                list.Add((int)entries[j]);
            }
            documentFrequencies.Items[term]++;
            i += run;
        }
    }
}
