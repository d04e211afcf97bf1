using System.Runtime.CompilerServices;
using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>
/// Every match of a search over a sharded index (what <see cref="MatchExport"/> gives of one index), as Elasticsearch
/// scrolls by <c>_doc</c>: shard after shard, each shard's matches in its index order, read at one point in time of it
/// for the whole export (its copy holds it as it holds a cursor walk's), a page at a time so that only one page is
/// held. The dfs is gathered once (<see cref="ShardedSearcher.BeginExportAsync"/>) and every page scores with it, so a
/// line's score is the one index's; each page goes on from a (shard, document) place, the shard's scorer advanced to
/// it (<see cref="ShardedSearcher.ExportPageAsync"/>), so a page reads its own matches only and an export costs its
/// lines. Each page is awaited, so an export holds no thread while the shards answer.
/// </summary>
/// <param name="time">Tells when the shards not yet read are to be kept (<see cref="KeepEvery"/>); null: the system's clock.</param>
public sealed class ShardedMatchExport(ShardedSearcher searcher, TimeProvider? time = null)
{
    /// <summary>Matches fetched from the shards at once.</summary>
    public const int PageSize = 500;

    /// <summary>
    /// How often the points in time of the shards not yet read are renewed while the export reads the ones before them
    /// (<see cref="ShardedSearcher.KeepExportAsync"/>): well within the copies' <see cref="PointsInTime.DefaultKeepAlive"/>.
    /// </summary>
    public static readonly TimeSpan KeepEvery = PointsInTime.DefaultKeepAlive / 5;

    private readonly TimeProvider clock = time ?? TimeProvider.System;

    /// <summary>
    /// The matches of <paramref name="request"/>, as <see cref="MatchExport.Export"/> gives them of one index but shard
    /// after shard; the dfs and the first page are read before this returns, so that a query that does not parse fails
    /// before the answer starts.
    /// </summary>
    /// <param name="cancellation">Stops the walk: no page is asked of the shards after it is cancelled, and the page
    /// awaited then is given up.</param>
    /// <exception cref="ShardUnavailableException">A shard did not answer the dfs or the first page. Enumerating the
    /// answer throws it when a shard does not answer a later page, or its copy no longer holds the export's point in time.</exception>
    public async Task<IAsyncEnumerable<ExportedHit>> ExportAsync(SearchRequest request, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        var export = await searcher.BeginExportAsync(request).WaitAsync(cancellation);
        var first = await searcher.ExportPageAsync(export, (0, 0), PageSize).WaitAsync(cancellation);
        return Matches(export, first, cancellation);
    }

    private async IAsyncEnumerable<ExportedHit> Matches(
        ShardedExport export, (IReadOnlyList<ExportedHit> Lines, (int Shard, int Doc) Next) page, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var kept = clock.GetUtcNow();
        while (true)
        {
            foreach (var line in page.Lines)
                yield return line;
            if (page.Next.Shard >= export.Points.Count)
                yield break;
            cancellation.ThrowIfCancellationRequested();
            if (clock.GetUtcNow() - kept >= KeepEvery)
            {
                await searcher.KeepExportAsync(export, page.Next.Shard).WaitAsync(cancellation);
                kept = clock.GetUtcNow();
            }
            page = await searcher.ExportPageAsync(export, page.Next, PageSize).WaitAsync(cancellation);
        }
    }
}
