using System.Runtime.CompilerServices;
using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>
/// Every match of a search over a sharded index (what <see cref="MatchExport"/> gives of one index): a walk newest first
/// (<see cref="ShardedSearcher.ExportPageAsync"/>: a page's hits as a cursor walk finds them, but with no facet counted
/// and nothing highlighted), a page at a time, so that only one page is held; each shard is read at one
/// point in time for the whole export while its copy holds it. Lines are in the walk's order, not one index's order.
/// Each page is awaited, so an export holds no thread while the shards answer.
/// </summary>
public sealed class ShardedMatchExport(ShardedSearcher searcher)
{
    /// <summary>Matches fetched from the shards at once.</summary>
    public const int PageSize = 500;

    /// <summary>
    /// The matches of <paramref name="request"/>, as <see cref="MatchExport.Export"/> gives them of one index; the first
    /// page is read before this returns, so that a query that does not parse fails before the answer starts.
    /// </summary>
    /// <param name="cancellation">Stops the walk: no page is asked of the shards after it is cancelled, and the page
    /// awaited then is given up.</param>
    /// <exception cref="ShardUnavailableException">A shard did not answer the first page.</exception>
    public async Task<IAsyncEnumerable<ExportedHit>> ExportAsync(SearchRequest request, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        var walk = request with
        {
            Order = ResultOrder.Date, Page = 1, PageSize = PageSize, FacetSize = 1, DateFacet = null, RegionTree = false, Explain = false,
            SemanticRerank = false, Recency = null, Pinned = null, After = null,
        };
        var first = await searcher.ExportPageAsync(walk, after: null).WaitAsync(cancellation);
        return Matches(walk, first, cancellation);
    }

    private async IAsyncEnumerable<ExportedHit> Matches(
        SearchRequest walk, (IReadOnlyList<ExportedHit> Lines, IReadOnlyList<ShardPoint> Points) page, [EnumeratorCancellation] CancellationToken cancellation)
    {
        for (var seen = 0L; ; )
        {
            foreach (var line in page.Lines)
                yield return line;
            seen += page.Lines.Count;
            if (page.Lines.Count < walk.PageSize)
                yield break;
            cancellation.ThrowIfCancellationRequested();
            var last = page.Lines[^1];
            var after = new SearchCursor(0, "", seen, Score: null, last.Date?.UtcTicks ?? 0, last.ArticleId, last.Paragraph, Shards: page.Points);
            page = await searcher.ExportPageAsync(walk, after).WaitAsync(cancellation);
        }
    }
}
