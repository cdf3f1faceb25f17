namespace Spean.Search.Bench;

internal static class Percentiles
{
    /// <summary>Nearest-rank percentile of a sorted list.</summary>
    public static double Of(List<double> sorted, double q) => sorted[(int)Math.Ceiling(q * sorted.Count) - 1];

    public static string Summary(List<double> times)
    {
        times.Sort();
        return $"n={times.Count} p50 {Of(times, 0.50),7:F1} p95 {Of(times, 0.95),7:F1} p99 {Of(times, 0.99),7:F1} max {times[^1],7:F1} ms";
    }
}
