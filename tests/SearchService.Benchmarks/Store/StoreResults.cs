using SearchService.Benchmarks.Performance;

namespace SearchService.Benchmarks.Store;

/// <summary>What <see cref="StoreBenchmark"/> measured.</summary>
/// <param name="SinglePuts">Milliseconds a put took, from the call to the committed version.</param>
/// <param name="LastVersion">The log's version at the end: every put took one.</param>
public sealed record StoreResults(Percentiles SinglePuts, int BulkArticles, TimeSpan BulkTime, long LastVersion)
{
    public override string ToString() =>
        $"PutAsync, {SinglePuts.Count} single writes: p50 {SinglePuts.P50:F2} ms, p95 {SinglePuts.P95:F2} ms, p99 {SinglePuts.P99:F2} ms\n" +
        $"PutManyAsync, {BulkArticles} articles in one call: {BulkTime.TotalSeconds:F2} s, {BulkArticles / BulkTime.TotalSeconds:F0} articles/s";
}
