using Spean.Core.Recommendations.Search;

namespace Spean.Core.Recommendations.Recurrence;

/// <summary>A text as TF-IDF weights of its stems, ids ascending, scaled to length 1 so a dot product is the cosine.</summary>
internal readonly record struct TermVector(int[] Terms, double[] Weights)
{
    public double Cosine(TermVector other)
    {
        double sum = 0;
        for (int i = 0, j = 0; i < Terms.Length && j < other.Terms.Length;)
        {
            if (Terms[i] == other.Terms[j]) sum += Weights[i++] * other.Weights[j++];
            else if (Terms[i] < other.Terms[j]) i++;
            else j++;
        }
        return sum;
    }
}

/// <summary>
/// How alike two recommendations read: cosine of TF-IDF vectors over Porter2 stems, English stop words left out.
/// Document frequencies come from the texts compared together (one State's recommendations), so the words
/// every recommendation to that State uses ("ensure", "rights", the State's name) count for little.
/// </summary>
internal static class TextSimilarity
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "being", "both", "but", "by",
        "can", "could", "do", "does", "each", "either", "for", "from", "had", "has", "have", "he", "her", "his", "if", "in",
        "into", "is", "it", "its", "itself", "may", "more", "most", "must", "no", "nor", "not", "of", "on", "or", "other",
        "our", "over", "own", "same", "shall", "she", "should", "so", "such", "than", "that", "the", "their", "them",
        "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "under", "until", "upon", "very",
        "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "whose", "will", "with", "within",
        "would",
    };

    private static readonly TextAnalyzer Analyzer = new(run => [run]);

    /// <summary>The stems a text is compared by, in order, stop words and numbers left out.</summary>
    public static List<string> Stems(string text)
    {
        var words = new List<string>();
        Analyzer.Tokenize(text, (surface, _, _) =>
        {
            if (surface.Length > 1 && !char.IsDigit(surface[0])) words.Add(surface.ToString());
        });
        return words.Where(w => !StopWords.Contains(w)).Select(Analyzer.Stem).ToList();
    }

    /// <summary>One vector a text, weighted against the others: (1 + log tf) × smoothed idf.</summary>
    public static TermVector[] Vectors(IReadOnlyList<string> texts) => VectorsOfStems(texts.Select(Stems).ToList());

    /// <summary>The same, from texts already cut into <see cref="Stems"/>.</summary>
    public static TermVector[] VectorsOfStems(IReadOnlyList<List<string>> texts)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<Dictionary<int, int>>(texts.Count);
        var documentFrequency = new List<int>();
        foreach (var stems in texts)
        {
            var tf = new Dictionary<int, int>();
            foreach (var stem in stems)
            {
                if (!ids.TryGetValue(stem, out var id))
                {
                    id = ids[stem] = ids.Count;
                    documentFrequency.Add(0);
                }
                if (tf.TryGetValue(id, out var n)) tf[id] = n + 1;
                else { tf[id] = 1; documentFrequency[id]++; }
            }
            counts.Add(tf);
        }
        return counts.Select(tf => Weigh(tf, documentFrequency, texts.Count)).ToArray();
    }

    /// <summary>The similarity of two texts, with document frequencies counted over both and the other texts given.</summary>
    public static double Similarity(string a, string b, IReadOnlyList<string> corpus)
    {
        var vectors = Vectors([a, b, .. corpus]);
        return vectors[0].Cosine(vectors[1]);
    }

    private static TermVector Weigh(Dictionary<int, int> tf, List<int> documentFrequency, int documents)
    {
        var terms = tf.Keys.Order().ToArray();
        var weights = terms.Select(t => (1 + Math.Log(tf[t])) * (1 + Math.Log((1.0 + documents) / (1 + documentFrequency[t])))).ToArray();
        var length = Math.Sqrt(weights.Sum(w => w * w));
        if (length > 0)
            for (var i = 0; i < weights.Length; i++) weights[i] /= length;
        return new TermVector(terms, weights);
    }
}
