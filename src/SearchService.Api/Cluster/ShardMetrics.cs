using System.Diagnostics;
using System.Diagnostics.Metrics;
using SearchService.Api.Observability;
using SearchService.Cluster.Shards;

namespace SearchService.Api.Cluster;

/// <summary>
/// The gauges of <c>/metrics</c> in cluster mode, one series per copy of every shard, labelled <c>shard</c>,
/// <c>copy</c> and <c>node</c> (the silo holding it): paragraphs, last version applied and lag behind PostgreSQL for
/// every copy, bytes on disk for the copies this node holds. They show a snapshot of the copies' statuses taken by a
/// scrape (<see cref="RefreshAsync"/>) and kept for <see cref="SnapshotAge"/>, so that scrapes from several Prometheus
/// servers, or a short scrape interval, do not ask every copy each time.
/// </summary>
public sealed class ShardMetrics
{
    public static readonly TimeSpan SnapshotAge = TimeSpan.FromSeconds(5);

    private readonly ShardCopyStatuses copyStatuses;
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private IReadOnlyList<ShardStatus> snapshot = [];
    // Read and written under the semaphore only.
    private Stopwatch? sinceTaken;

    /// <param name="node">The silo address of this node, as the copies' statuses name theirs.</param>
    public ShardMetrics(IMeterFactory meters, ShardCopyStatuses copyStatuses, string node)
    {
        this.copyStatuses = copyStatuses;
        var meter = meters.Create(ServiceMetrics.MeterName);
        meter.CreateObservableGauge("searchservice.shard.paragraphs",
            () => Measure(_ => true, status => status.Paragraphs), "{paragraph}", "Paragraphs (Lucene documents) a copy of a shard answers searches with.");
        meter.CreateObservableGauge("searchservice.shard.applied_version",
            () => Measure(_ => true, status => status.AppliedVersion), "{version}", "The last version of the article log a copy of a shard has applied.");
        meter.CreateObservableGauge("searchservice.shard.lag",
            () => Measure(status => status.Lag is not null, status => status.Lag!.Value), "{version}",
            "Versions PostgreSQL has committed that a copy of a shard has not applied yet (absent while PostgreSQL is out of reach).");
        meter.CreateObservableGauge("searchservice.shard.size",
            () => Measure(status => status.Silo == node, status => status.IndexBytes), "By", "Bytes on disk of the index of a copy of a shard this node holds.");
    }

    /// <summary>
    /// Takes a new snapshot unless the last is younger than <see cref="SnapshotAge"/>; copies that do not answer within
    /// the call timeout are left out of it (<c>/health</c> says why).
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellation)
    {
        await refreshing.WaitAsync(cancellation);
        try
        {
            if (sinceTaken is not null && sinceTaken.Elapsed < SnapshotAge)
                return;
            var copies = await copyStatuses.GatherAsync(cancellation);
            Volatile.Write(ref snapshot, [.. copies.Where(c => c.Status is not null).Select(c => c.Status!)]);
            sinceTaken = Stopwatch.StartNew();
        }
        finally
        {
            refreshing.Release();
        }
    }

    private IEnumerable<Measurement<long>> Measure(Func<ShardStatus, bool> shown, Func<ShardStatus, long> value) =>
        Volatile.Read(ref snapshot).Where(shown).Select(status => new Measurement<long>(value(status),
            new KeyValuePair<string, object?>("shard", status.Shard),
            new KeyValuePair<string, object?>("copy", status.Copy),
            new KeyValuePair<string, object?>("node", status.Silo)));
}
