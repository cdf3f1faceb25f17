namespace Spean.Core.Text;

/// <summary>
/// Splits one run of Khmer clusters into words: the cheapest path through the lattice of dictionary words
/// that start and end on cluster boundaries, where a word costs its negative log-probability.
/// </summary>
internal static class KhmerViterbi
{
    public static void Segment(ReadOnlySpan<char> run, KhmerLexicon lexicon, List<string> tokens)
    {
        var lattice = new Lattice(run);
        var best = new double[lattice.Count + 1];
        var from = new int[lattice.Count + 1];
        var unknown = new bool[lattice.Count + 1];
        Array.Fill(best, double.PositiveInfinity);
        best[0] = 0;

        for (var i = 0; i < lattice.Count; i++)
        {
            var singleKnown = false;
            for (var j = i + 1; j <= lattice.Count; j++)
            {
                if (!lexicon.TryGetCost(lattice.Key(i, j), out var cost))
                {
                    break;
                }

                if (double.IsFinite(cost) && best[i] + cost < best[j])
                {
                    (best[j], from[j], unknown[j]) = (best[i] + cost, i, false);
                }

                singleKnown |= j == i + 1 && double.IsFinite(cost);
            }

            if (!singleKnown && best[i] + lexicon.UnknownClusterCost < best[i + 1])
            {
                (best[i + 1], from[i + 1], unknown[i + 1]) = (best[i] + lexicon.UnknownClusterCost, i, true);
            }
        }

        Emit(run, lattice, from, unknown, tokens);
    }

    /// <summary>
    /// Adds the words of the best path in order, grouping what the dictionary does not know:
    /// a stretch of unknown clusters, with any bare consonants beside it, becomes one token (most likely one
    /// name or loanword, and a lone consonant such as "ញ" there is usually its final consonant), and an
    /// unknown coda cluster such as "ន់" or "យ៍", which cannot begin a syllable, joins the token before it.
    /// </summary>
    private static void Emit(ReadOnlySpan<char> run, Lattice lattice, int[] from, bool[] unknown, List<string> tokens)
    {
        var path = BestPath(run, lattice, from, unknown);
        var k = 0;
        while (k < path.Count)
        {
            var last = LooseGroupEnd(path, k);
            while (last + 1 < path.Count && path[last + 1].Unknown && path[last + 1].Coda)
            {
                last++;
            }

            tokens.Add(run[lattice.Offset(path[k].Start)..lattice.Offset(path[last].End)].ToString());
            k = last + 1;
        }
    }

    private static List<PathStep> BestPath(ReadOnlySpan<char> run, Lattice lattice, int[] from, bool[] unknown)
    {
        var path = new List<PathStep>();
        for (var j = lattice.Count; j > 0; j = from[j])
        {
            var word = run[lattice.Offset(from[j])..lattice.Offset(j)];
            path.Add(new PathStep(from[j], j, unknown[j], unknown[j] || IsBareConsonant(word), IsCoda(word)));
        }

        path.Reverse();
        return path;
    }

    /// <summary>Index of the last step of the loose group that starts at <paramref name="first"/>, if it holds an unknown.</summary>
    private static int LooseGroupEnd(List<PathStep> path, int first)
    {
        var last = first;
        var hasUnknown = path[first].Unknown;
        while (last + 1 < path.Count && path[last].Loose && path[last + 1].Loose)
        {
            last++;
            hasUnknown |= path[last].Unknown;
        }

        return hasUnknown ? last : first;
    }

    private static bool IsBareConsonant(ReadOnlySpan<char> word) => word is [>= '\u1780' and <= '\u17A2'];

    /// <summary>A consonant closed by bantoc, robat or toandakhiat, with no subscript: a syllable's final consonant.</summary>
    private static bool IsCoda(ReadOnlySpan<char> word) =>
        word is [>= '\u1780' and <= '\u17A2', .., >= '\u17CB' and <= '\u17CD'] && !word.Contains(KhmerScript.Coeng);

    private readonly record struct PathStep(int Start, int End, bool Unknown, bool Loose, bool Coda);

    /// <summary>
    /// Cluster boundaries of a run, in the run itself and in a lookup key normalised like the dictionary
    /// (ZWJ/ZWNJ removed, subscript DA written as subscript TA).
    /// </summary>
    private readonly ref struct Lattice
    {
        private readonly Span<char> key;
        private readonly int[] offsets;
        private readonly int[] keyOffsets;

        public Lattice(ReadOnlySpan<char> run)
        {
            key = new char[run.Length];
            offsets = new int[run.Length + 1];
            keyOffsets = new int[run.Length + 1];
            var keyLength = 0;
            var i = 0;
            while (i < run.Length)
            {
                var end = KhmerScript.ClusterEnd(run, i);
                foreach (var c in run[i..end])
                {
                    if (!KhmerScript.IsJoiner(c))
                    {
                        key[keyLength] = KhmerScript.KeyChar(keyLength > 0 ? key[keyLength - 1] : '\0', c);
                        keyLength++;
                    }
                }

                Count++;
                offsets[Count] = end;
                keyOffsets[Count] = keyLength;
                i = end;
            }
        }

        public int Count { get; }

        public int Offset(int cluster) => offsets[cluster];

        public ReadOnlySpan<char> Key(int startCluster, int endCluster) =>
            key[keyOffsets[startCluster]..keyOffsets[endCluster]];
    }
}
