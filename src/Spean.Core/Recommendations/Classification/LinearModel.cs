using System.Numerics;

namespace Spean.Core.Recommendations.Classification;

internal enum Loss
{
    /// <summary>Exactly one output is right: Crammer-Singer multi-class hinge (a linear SVM).</summary>
    MulticlassHinge,

    /// <summary>Each output is an independent yes/no: one-vs-rest logistic regression.</summary>
    Logistic,
}

/// <summary>
/// How to train; the final weights are the mean of the weights after each of the last AveragedEpochs epochs.
/// NaiveBayesScaled multiplies each feature, separately for each output, by how much more often it occurs with that
/// output than without (NBSVM, Wang and Manning 2012).
/// </summary>
internal sealed record TrainingSettings(Loss Loss, double L2, double LearningRate, int Epochs, int AveragedEpochs, int Seed, bool NaiveBayesScaled = false);

/// <summary>
/// Linear scores over sparse features, trained by stochastic gradient descent with L2 regularisation.
/// A fixed shuffling seed makes training deterministic for a given input order.
/// </summary>
internal sealed class LinearModel
{
    private readonly float[] _weights; // feature-major: row f holds the weights of feature f for every output
    private readonly float[] _bias;

    private LinearModel(int features, int outputs)
    {
        Outputs = outputs;
        _weights = new float[features * outputs];
        _bias = new float[outputs];
    }

    public int Outputs { get; }

    public float Weight(int feature, int output) => _weights[feature * Outputs + output];

    public float[] Scores(SparseVector x) => Scores(x, 1f);

    public static LinearModel Train(
        IReadOnlyList<SparseVector> xs, IReadOnlyList<int[]> targets, int features, int outputs, TrainingSettings settings)
    {
        var model = new LinearModel(features, outputs);
        if (!settings.NaiveBayesScaled)
        {
            model.RunSgd(xs, targets, settings, ratios: null);
            return model;
        }

        // Training learns w over features scaled by r; scoring then needs only w * r, so the scaled weights are kept.
        var ratios = LogCountRatios(xs, targets, features, outputs);
        model.RunSgd(xs, targets, settings, ratios);
        for (int i = 0; i < ratios.Length; i++)
        {
            model._weights[i] *= ratios[i];
        }

        return model;
    }

    /// <summary>
    /// |log(p / q)| per feature and output, where p and q are the feature's smoothed share of all feature occurrences in
    /// the examples with and without the output. Scaled to a mean of 1 so the learning rate keeps its meaning.
    /// </summary>
    private static float[] LogCountRatios(IReadOnlyList<SparseVector> xs, IReadOnlyList<int[]> targets, int features, int outputs)
    {
        const double Smoothing = 1.0;
        var with = new int[features * outputs];
        var occurrences = new int[features];
        var occurrencesWith = new double[outputs];
        double allOccurrences = 0;
        for (int i = 0; i < xs.Count; i++)
        {
            foreach (int f in xs[i].Indices)
            {
                occurrences[f]++;
                foreach (int t in targets[i])
                {
                    with[f * outputs + t]++;
                }
            }

            allOccurrences += xs[i].Indices.Length;
            foreach (int t in targets[i])
            {
                occurrencesWith[t] += xs[i].Indices.Length;
            }
        }

        var ratios = new float[features * outputs];
        double sum = 0;
        for (int f = 0; f < features; f++)
        {
            for (int k = 0; k < outputs; k++)
            {
                int n = with[f * outputs + k];
                double p = (Smoothing + n) / (Smoothing * features + occurrencesWith[k]);
                double q = (Smoothing + occurrences[f] - n) / (Smoothing * features + allOccurrences - occurrencesWith[k]);
                double r = Math.Abs(Math.Log(p / q));
                ratios[f * outputs + k] = (float)r;
                sum += r;
            }
        }

        return Scale(ratios, (float)(ratios.Length / sum));
    }

    private float[] Scores(SparseVector x, float scale, float[]? ratios = null)
    {
        var scores = (float[])_bias.Clone();
        for (int j = 0; j < x.Indices.Length; j++)
        {
            AddScaled(scores, Row(x.Indices[j]), ratios is null ? default : Row(ratios, x.Indices[j]), x.Values[j] * scale);
        }

        return scores;
    }

    private Span<float> Row(int feature) => Row(_weights, feature);

    private Span<float> Row(float[] matrix, int feature) => matrix.AsSpan(feature * Outputs, Outputs);

    private void RunSgd(IReadOnlyList<SparseVector> xs, IReadOnlyList<int[]> targets, TrainingSettings settings, float[]? ratios)
    {
        var order = Enumerable.Range(0, xs.Count).ToArray();
        var random = new Random(settings.Seed);
        var gradient = new float[Outputs];
        var sumWeights = new float[_weights.Length];
        var sumBias = new float[_bias.Length];

        // Weights are stored divided by `scale`, so shrinking all of them for L2 costs one multiplication.
        double scale = 1.0;
        long step = 0;
        for (int epoch = 0; epoch < settings.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (int i in order)
            {
                double rate = settings.LearningRate / (1.0 + settings.LearningRate * settings.L2 * step++);
                var x = xs[i];
                Gradient(settings.Loss, Scores(x, (float)scale, ratios), targets[i], gradient);
                AddScaled(_bias, gradient, default, (float)-rate);
                scale *= 1.0 - rate * settings.L2;
                for (int j = 0; j < x.Indices.Length; j++)
                {
                    int f = x.Indices[j];
                    AddScaled(Row(f), gradient, ratios is null ? default : Row(ratios, f), (float)(-rate * x.Values[j] / scale));
                }

                if (scale < 1e-4)
                {
                    Rescale(ref scale);
                }
            }

            if (epoch >= settings.Epochs - settings.AveragedEpochs)
            {
                Rescale(ref scale);
                AddScaled(sumWeights, _weights, default, 1f);
                AddScaled(sumBias, _bias, default, 1f);
            }
        }

        Rescale(ref scale);
        if (settings.AveragedEpochs > 0)
        {
            // Averaging the last epochs smooths out the noise of single SGD steps.
            Scale(sumWeights, 1f / settings.AveragedEpochs).CopyTo(_weights, 0);
            Scale(sumBias, 1f / settings.AveragedEpochs).CopyTo(_bias, 0);
        }
    }

    private static void Gradient(Loss loss, float[] scores, int[] truth, float[] gradient)
    {
        Array.Clear(gradient);
        if (loss == Loss.Logistic)
        {
            for (int k = 0; k < scores.Length; k++)
            {
                gradient[k] = (float)Sigmoid(scores[k]);
            }

            foreach (int t in truth)
            {
                gradient[t] -= 1f;
            }

            return;
        }

        int y = truth[0];
        int rival = -1;
        for (int k = 0; k < scores.Length; k++)
        {
            if (k != y && (rival < 0 || scores[k] > scores[rival]))
            {
                rival = k;
            }
        }

        if (scores[y] - scores[rival] < 1f)
        {
            gradient[y] = -1f;
            gradient[rival] = 1f;
        }
    }

    public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

    private void Rescale(ref double scale)
    {
        Scale(_weights, (float)scale);
        scale = 1.0;
    }

    private static float[] Scale(float[] values, float factor)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] *= factor;
        }

        return values;
    }

    /// <summary>
    /// target += factor * source, times ratios element by element unless ratios is empty; vectorised because it is the
    /// inner loop of both training and scoring.
    /// </summary>
    private static void AddScaled(Span<float> target, ReadOnlySpan<float> source, ReadOnlySpan<float> ratios, float factor)
    {
        bool scaled = !ratios.IsEmpty;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var f = new Vector<float>(factor);
            for (; i <= target.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var term = new Vector<float>(source[i..]) * f;
                if (scaled)
                {
                    term *= new Vector<float>(ratios[i..]);
                }

                (new Vector<float>(target[i..]) + term).CopyTo(target[i..]);
            }
        }

        for (; i < target.Length; i++)
        {
            target[i] += source[i] * factor * (scaled ? ratios[i] : 1f);
        }
    }
}
