namespace Spean.Core.Recommendations.Search;

/// <summary>Finds where a query's words, prefixes and phrases occur in one text, using the index's own analysis.</summary>
internal sealed class Highlighter(TextAnalyzer analyzer)
{
    private readonly record struct Token(int Start, int Length, string Surface, string Stem)
    {
        public int End => Start + Length;
    }

    /// <summary>The query's words, prefixes and phrases, stemmed once and then looked for in every text of a result page.</summary>
    public sealed class Marks
    {
        internal Marks(Highlighter owner, QueryNode? root)
        {
            Owner = owner;
            Empty = root is null;
            if (root is not null) owner.Collect(root, Words, Prefixes, Phrases);
        }

        internal Highlighter Owner { get; }
        internal bool Empty { get; }
        internal HashSet<string> Words { get; } = new(StringComparer.Ordinal);
        internal List<string> Prefixes { get; } = [];
        internal List<string[]> Phrases { get; } = [];

        public IReadOnlyList<HighlightRange> In(string? text) => Owner.Find(this, text);
    }

    public Marks For(QueryNode? root) => new(this, root);

    public IReadOnlyList<HighlightRange> Find(QueryNode? root, string text) => Find(For(root), text);

    private List<HighlightRange> Find(Marks marks, string? text)
    {
        if (marks.Empty || string.IsNullOrEmpty(text))
        {
            return [];
        }
        var (words, prefixes, phrases) = (marks.Words, marks.Prefixes, marks.Phrases);
        var tokens = Tokens(text);
        var ranges = new List<HighlightRange>();
        foreach (var t in tokens.Where(t => words.Contains(t.Stem) || prefixes.Any(p => t.Surface.StartsWith(p, StringComparison.Ordinal))))
        {
            ranges.Add(new(t.Start, t.Length));
        }
        foreach (var phrase in phrases)
        {
            for (int i = 0; i + phrase.Length <= tokens.Count; i++)
            {
                if (phrase.Select((stem, k) => tokens[i + k].Stem == stem).All(match => match))
                {
                    ranges.Add(new(tokens[i].Start, tokens[i + phrase.Length - 1].End - tokens[i].Start));
                }
            }
        }
        return Merge(ranges);
    }

    private void Collect(QueryNode node, HashSet<string> words, List<string> prefixes, List<string[]> phrases)
    {
        switch (node)
        {
            case TermNode t: words.Add(analyzer.Stem(t.Surface)); break;
            case PrefixNode p: prefixes.Add(p.Prefix); break;
            case PhraseNode p: phrases.Add(p.Surfaces.Select(analyzer.Stem).ToArray()); break;
            case AndNode a: a.Children.ToList().ForEach(c => Collect(c, words, prefixes, phrases)); break;
            case OrNode o: o.Children.ToList().ForEach(c => Collect(c, words, prefixes, phrases)); break;
        }
    }

    private List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        analyzer.Tokenize(text, (surface, start, length) =>
        {
            string word = new(surface);
            tokens.Add(new(start, length, word, analyzer.Stem(word)));
        });
        return tokens;
    }

    private static List<HighlightRange> Merge(List<HighlightRange> ranges)
    {
        var merged = new List<HighlightRange>();
        foreach (var r in ranges.OrderBy(r => r.Start))
        {
            var last = merged.Count > 0 ? merged[^1] : default;
            if (merged.Count > 0 && r.Start <= last.Start + last.Length)
            {
                int end = Math.Max(last.Start + last.Length, r.Start + r.Length);
                merged[^1] = new(last.Start, end - last.Start);
            }
            else
            {
                merged.Add(r);
            }
        }
        return merged;
    }
}
