using SearchService.Core.Searching;

namespace SearchService.Tests.Sharding;

/// <summary>Cursor walks through any searcher that pages by cursor: one index's or a sharded one's.</summary>
public static class CursorPages
{
    /// <summary>
    /// Every hit of <paramref name="request"/>, page after page by each answer's next; <paramref name="betweenPages"/>
    /// runs before each page after the first, with the number of pages read so far.
    /// </summary>
    public static async Task<(List<SearchHit> Hits, int Pages)> WalkAsync(
        Func<SearchRequest, Task<SearchResult>> search, SearchRequest request, Func<int, Task>? betweenPages = null)
    {
        var result = await search(request);
        var (hits, pages) = (result.Hits.ToList(), 1);
        while (result.Next is { } next)
        {
            if (betweenPages is not null)
                await betweenPages(pages);
            result = await search(request with { After = next });
            hits.AddRange(result.Hits);
            pages++;
        }
        return (hits, pages);
    }

    /// <summary>The walk of <paramref name="request"/> over one index: the hits a sharded walk must give, in order.</summary>
    public static Task<(List<SearchHit> Hits, int Pages)> OneIndexWalkAsync(Core.Indexing.SearchIndex index, SearchRequest request)
    {
        using var points = new PointsInTime(index);
        var paging = new CursorPaging(new ParagraphSearcher(index), points, new CursorCodec());
        return WalkAsync(r => Task.FromResult(paging.Search(r)), request);
    }
}
