using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Sharding;

/// <summary>
/// A cursor walk over shards of this process gives one index's walk: the same hits in the same order, page after page,
/// by relevance, newest first and one per article, with no page holding more than the page size.
/// </summary>
public sealed class ShardedCursorWalkTests
{
    private const int Articles = 300;
    private const int Shards = 4;

    [ReutersFact]
    public Task A_walk_by_relevance_over_shards_gives_one_indexs_walk() => WalksAsOneIndexAsync(new SearchRequest("oil prices", PageSize: 7));

    [ReutersFact]
    public Task A_walk_newest_first_over_shards_gives_one_indexs_walk() =>
        WalksAsOneIndexAsync(new SearchRequest("oil", PageSize: 9, Order: ResultOrder.Date));

    [ReutersFact]
    public Task A_walk_one_hit_per_article_over_shards_gives_one_indexs_walk() =>
        WalksAsOneIndexAsync(new SearchRequest("oil", PageSize: 4, Unit: ResultUnit.Article));

    private static async Task WalksAsOneIndexAsync(SearchRequest request)
    {
        using var indexes = new ShardedIndexes(Shards, Reuters());
        var expected = await CursorPages.OneIndexWalkAsync(indexes.SingleIndex, request);
        var paging = new ShardedCursorPaging(indexes.SearcherOverShards(), new CursorCodec());

        var (hits, pages) = await CursorPages.WalkAsync(paging.SearchAsync, request);

        Assert.True(expected.Pages > 3, $"{expected.Pages} pages");
        Assert.Equal(expected.Hits.Select(h => h.Id), hits.Select(h => h.Id));
        Assert.Equal(expected.Pages, pages);
    }

    private static List<Article> Reuters()
    {
        using var file = File.OpenRead(ReutersCorpus.Path!);
        return JsonlArticleReader.Read(file, ReutersCorpus.Path!, _ => { }).Take(Articles).ToList();
    }
}
