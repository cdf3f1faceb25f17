namespace Spean.Core.Recommendations.Classification;

/// <summary>A feature vector with only its non-zero entries, indices ascending.</summary>
internal readonly record struct SparseVector(int[] Indices, float[] Values);
