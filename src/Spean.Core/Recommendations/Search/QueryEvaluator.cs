namespace Spean.Core.Recommendations.Search;

/// <summary>
/// Turns a parsed query into the slots it matches within <paramref name="universe"/> (live slots, possibly
/// narrowed by the caller); NOT means "in the universe but not matching", so the result is exact inside it.
/// </summary>
internal sealed class QueryEvaluator(IndexData data, Scratch scratch, DocBits universe)
{
    private const int MaxScoredExpansions = 32; // "th*" matches hundreds of words; scoring them all costs more than it tells
    private readonly TermIndex terms = data.Terms;

    public DocBits Universe => universe;

    public DocBits Evaluate(QueryNode node)
    {
        var bits = Match(node, null);
        bits.And(universe);
        return bits;
    }

    /// <summary>Terms that add to relevance: every matched term not under a NOT.</summary>
    public IReadOnlyCollection<int> ScoringTerms(QueryNode node)
    {
        var found = new HashSet<int>();
        Collect(node, found);
        found.Remove(-1);
        return found;
    }

    private void Collect(QueryNode node, HashSet<int> found)
    {
        switch (node)
        {
            case TermNode t: found.Add(terms.Find(t.Surface)); break;
            case PhraseNode p: found.UnionWith(p.Surfaces.Select(terms.Find)); break;
            case PrefixNode p: found.UnionWith(terms.Expand(p.Prefix).OrderBy(terms.DocumentFrequency).Take(MaxScoredExpansions)); break;
            case AndNode a: a.Children.ToList().ForEach(c => Collect(c, found)); break;
            case OrNode o: o.Children.ToList().ForEach(c => Collect(c, found)); break;
        }
    }

    /// <summary><paramref name="within"/>, when given, lets phrase checks skip slots an enclosing AND already ruled out.</summary>
    private DocBits Match(QueryNode node, DocBits? within) => node switch
    {
        TermNode t => TermBits(terms.Find(t.Surface)),
        PrefixNode p => AnyOf(terms.Expand(p.Prefix)),
        PhraseNode p => PhraseBits(p.Surfaces, within),
        AndNode a => AllOf(a.Children),
        OrNode o => o.Children.Select(c => Match(c, null)).Aggregate(Union),
        NotNode n => Complement(Match(n.Child, null)),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private DocBits AllOf(IReadOnlyList<QueryNode> children)
    {
        DocBits? result = null;
        // Cheap positives first, phrases next (checked only inside what is left), exclusions last.
        foreach (var child in children.OrderBy(c => c switch { NotNode => 2, PhraseNode => 1, _ => 0 }))
        {
            if (child is NotNode not)
            {
                result ??= scratch.Copy(universe);
                result.AndNot(Match(not.Child, null));
                continue;
            }
            var bits = Match(child, result);
            if (result is null)
            {
                result = bits;
            }
            else
            {
                result.And(bits);
            }
        }
        return result ?? scratch.Copy(universe);
    }

    private DocBits TermBits(int term)
    {
        var bits = scratch.Empty();
        if (term >= 0)
        {
            terms.AddTo(term, bits);
        }
        return bits;
    }

    private DocBits AnyOf(IEnumerable<int> termIds)
    {
        var bits = scratch.Empty();
        foreach (int term in termIds)
        {
            terms.AddTo(term, bits);
        }
        return bits;
    }

    private DocBits PhraseBits(IReadOnlyList<string> surfaces, DocBits? within)
    {
        int[] sequence = surfaces.Select(terms.Find).ToArray();
        var matched = scratch.Empty();
        if (!sequence.Contains(-1))
        {
            terms.MatchPhrase(sequence, within ?? universe, matched);
        }
        return matched;
    }

    private static DocBits Union(DocBits left, DocBits right)
    {
        left.Or(right);
        return left;
    }

    private DocBits Complement(DocBits bits)
    {
        var result = scratch.Copy(universe);
        result.AndNot(bits);
        return result;
    }
}
