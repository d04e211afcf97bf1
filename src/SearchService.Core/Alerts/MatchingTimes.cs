using System.Diagnostics;

namespace SearchService.Core.Alerts;

/// <summary>
/// Where the percolator's time goes, summed over batches, for the benchmark (docs/benchmarks.md "Alerts"): indexing a
/// batch's paragraphs in memory, picking the candidate alerts, running their queries, making the hits (snippets and
/// facets), and handing the notices to delivery. Thread-safe.
/// </summary>
public sealed class MatchingTimes
{
    private long batch;
    private long presearch;
    private long queries;
    private long hits;
    private long delivery;

    public TimeSpan Batch => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref batch));
    public TimeSpan Presearch => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref presearch));
    public TimeSpan Queries => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref queries));
    public TimeSpan Hits => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref hits));
    public TimeSpan Delivery => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref delivery));

    internal void AddBatch(long since) => Interlocked.Add(ref batch, Stopwatch.GetTimestamp() - since);
    internal void AddPresearch(long since) => Interlocked.Add(ref presearch, Stopwatch.GetTimestamp() - since);
    internal void AddQueries(long since) => Interlocked.Add(ref queries, Stopwatch.GetTimestamp() - since);
    internal void AddHits(long since) => Interlocked.Add(ref hits, Stopwatch.GetTimestamp() - since);
    internal void AddDelivery(long since) => Interlocked.Add(ref delivery, Stopwatch.GetTimestamp() - since);

    public override string ToString() =>
        $"batch index {Batch.TotalSeconds:F1} s, presearch {Presearch.TotalSeconds:F1} s, queries {Queries.TotalSeconds:F1} s, " +
        $"hits {Hits.TotalSeconds:F1} s, delivery {Delivery.TotalSeconds:F1} s";
}
