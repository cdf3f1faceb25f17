namespace Spean.Core.Recommendations.Classification;

/// <summary>Maps feature names seen often enough in training to column indices.</summary>
internal sealed class FeatureSpace
{
    private readonly Dictionary<string, int> _index;
    private readonly string[] _names;

    private FeatureSpace(string[] names)
    {
        _names = names;
        _index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            _index[names[i]] = i;
        }
    }

    public int Count => _names.Length;

    public string NameOf(int index) => _names[index];

    public static FeatureSpace Build(IEnumerable<IEnumerable<string>> featureSets, int minCount)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var set in featureSets)
        {
            foreach (var name in set.Distinct())
            {
                counts[name] = counts.GetValueOrDefault(name) + 1;
            }
        }

        // Ordinal sort keeps column order, and so training, independent of dictionary ordering.
        var names = counts.Where(kv => kv.Value >= minCount).Select(kv => kv.Key).ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        return new FeatureSpace(names);
    }

    /// <summary>
    /// Binary features. "Bag" features (words, phrases) are scaled to unit length so long texts do not dominate;
    /// the others (e.g. "first word is…") keep a fixed value so they weigh the same in short and long texts.
    /// </summary>
    public SparseVector Vectorize(IEnumerable<string> features, Func<string, bool> isBag, float fixedValue)
    {
        var known = new Dictionary<int, bool>(); // column -> is a bag feature
        foreach (var name in features)
        {
            if (_index.TryGetValue(name, out int i))
            {
                known[i] = isBag(name);
            }
        }

        int bagCount = known.Values.Count(bag => bag);
        float bagValue = bagCount == 0 ? 0f : (float)(1.0 / Math.Sqrt(bagCount));
        var indices = known.Keys.ToArray();
        Array.Sort(indices);
        return new SparseVector(indices, Array.ConvertAll(indices, i => known[i] ? bagValue : fixedValue));
    }

    public SparseVector Vectorize(IEnumerable<string> features) => Vectorize(features, _ => true, 0f);
}
