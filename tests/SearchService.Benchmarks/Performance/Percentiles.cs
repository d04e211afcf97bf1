namespace SearchService.Benchmarks.Performance;

/// <summary>Latency percentiles over a set of timings (nearest-rank).</summary>
public sealed record Percentiles(double P50, double P95, double P99, int Count)
{
    public static Percentiles Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
            return new Percentiles(double.NaN, double.NaN, double.NaN, 0);
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(At(0.50), At(0.95), At(0.99), sorted.Length);
    }
}
