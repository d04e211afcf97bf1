using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>
/// Every match of a search over a sharded index (what <see cref="MatchExport"/> gives of one index): a walk newest first
/// (<see cref="ShardedSearcher.PageAsync"/>), a page at a time, so that only one page is held; each shard is read at one
/// point in time for the whole export while its copy holds it. Lines are in the walk's order, not one index's order.
/// </summary>
public sealed class ShardedMatchExport(ShardedSearcher searcher)
{
    /// <summary>Matches fetched from the shards at once.</summary>
    public const int PageSize = 500;

    /// <inheritdoc cref="MatchExport.Export"/>
    /// <exception cref="ShardUnavailableException">A shard did not answer the first page.</exception>
    public IEnumerable<ExportedHit> Export(SearchRequest request)
    {
        var walk = request with
        {
            Order = ResultOrder.Date, Page = 1, PageSize = PageSize, FacetSize = 1, DateFacet = null, RegionTree = false, Explain = false,
            SemanticRerank = false, Recency = null, Pinned = null, After = null,
        };
        // The first page now, so that a query that does not parse fails before the answer starts.
        var first = Page(walk, after: null);
        return Matches(walk, first);
    }

    private IEnumerable<ExportedHit> Matches(SearchRequest walk, ShardedPage page)
    {
        for (var seen = 0L; ; )
        {
            foreach (var hit in page.Result.Hits)
                yield return Exported(hit, walk.Unit);
            seen += page.Result.Hits.Count;
            if (page.Result.Hits.Count < walk.PageSize)
                yield break;
            var after = SearchCursor.After(0, "", seen, byScore: false, page.Result.Hits[^1]) with { Shards = page.Points };
            page = Page(walk, after);
        }
    }

    // The answer is written by an endpoint that enumerates synchronously; each page is a scatter-gather waited for here.
    private ShardedPage Page(SearchRequest walk, SearchCursor? after) => searcher.PageAsync(walk, after).GetAwaiter().GetResult();

    private static ExportedHit Exported(SearchHit hit, ResultUnit unit) => new(
        hit.Id, hit.ArticleId, hit.Paragraph, hit.Title, hit.Date, hit.Source, hit.Url, hit.Byline, hit.Section, hit.Language, hit.Fields,
        hit.Score, hit.Region, hit.Topic, hit.Speaker, unit == ResultUnit.Article ? hit.OtherMatches ?? 0 : null);
}
