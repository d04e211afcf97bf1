using System.Runtime.CompilerServices;
using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>
/// Every match of a search over a sharded index (what <see cref="MatchExport"/> gives of one index): a walk newest first
/// (<see cref="ShardedSearcher.PageAsync"/>), a page at a time, so that only one page is held; each shard is read at one
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
        var first = await searcher.PageAsync(walk, after: null).WaitAsync(cancellation);
        return Matches(walk, first, cancellation);
    }

    private async IAsyncEnumerable<ExportedHit> Matches(SearchRequest walk, ShardedPage page, [EnumeratorCancellation] CancellationToken cancellation)
    {
        for (var seen = 0L; ; )
        {
            foreach (var hit in page.Result.Hits)
                yield return Exported(hit, walk.Unit);
            seen += page.Result.Hits.Count;
            if (page.Result.Hits.Count < walk.PageSize)
                yield break;
            cancellation.ThrowIfCancellationRequested();
            var after = SearchCursor.After(0, "", seen, byScore: false, page.Result.Hits[^1]) with { Shards = page.Points };
            page = await searcher.PageAsync(walk, after).WaitAsync(cancellation);
        }
    }

    private static ExportedHit Exported(SearchHit hit, ResultUnit unit) => new(
        hit.Id, hit.ArticleId, hit.Paragraph, hit.Title, hit.Date, hit.Source, hit.Url, hit.Byline, hit.Section, hit.Language, hit.Fields,
        hit.Score, hit.Region, hit.Topic, hit.Speaker, unit == ResultUnit.Article ? hit.OtherMatches ?? 0 : null);
}
