using System.Numerics;

namespace Spean.Core.Recommendations.Classification;

internal enum Loss
{
    /// <summary>Exactly one output is right: Crammer-Singer multi-class hinge (a linear SVM).</summary>
    MulticlassHinge,

    /// <summary>Each output is an independent yes/no: one-vs-rest logistic regression.</summary>
    Logistic,
}

/// <summary>How to train; the final weights are the mean of the weights after each of the last AveragedEpochs epochs.</summary>
internal sealed record TrainingSettings(Loss Loss, double L2, double LearningRate, int Epochs, int AveragedEpochs, int Seed);

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
        model.RunSgd(xs, targets, settings);
        return model;
    }

    private float[] Scores(SparseVector x, float scale)
    {
        var scores = (float[])_bias.Clone();
        for (int j = 0; j < x.Indices.Length; j++)
        {
            AddScaled(scores, Row(x.Indices[j]), x.Values[j] * scale);
        }

        return scores;
    }

    private Span<float> Row(int feature) => _weights.AsSpan(feature * Outputs, Outputs);

    private void RunSgd(IReadOnlyList<SparseVector> xs, IReadOnlyList<int[]> targets, TrainingSettings settings)
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
                Gradient(settings.Loss, Scores(x, (float)scale), targets[i], gradient);
                AddScaled(_bias, gradient, (float)-rate);
                scale *= 1.0 - rate * settings.L2;
                for (int j = 0; j < x.Indices.Length; j++)
                {
                    AddScaled(Row(x.Indices[j]), gradient, (float)(-rate * x.Values[j] / scale));
                }

                if (scale < 1e-4)
                {
                    Rescale(ref scale);
                }
            }

            if (epoch >= settings.Epochs - settings.AveragedEpochs)
            {
                Rescale(ref scale);
                AddScaled(sumWeights, _weights, 1f);
                AddScaled(sumBias, _bias, 1f);
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

    /// <summary>target += factor * source, vectorised because it is the inner loop of both training and scoring.</summary>
    private static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float factor)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var f = new Vector<float>(factor);
            for (; i <= target.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                (new Vector<float>(target[i..]) + (new Vector<float>(source[i..]) * f)).CopyTo(target[i..]);
            }
        }

        for (; i < target.Length; i++)
        {
            target[i] += source[i] * factor;
        }
    }
}
