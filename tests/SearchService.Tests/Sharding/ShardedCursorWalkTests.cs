using SearchService.Core.Corpus;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Sharding;

/// <summary>
/// A cursor walk over shards of this process gives one index's walk: the same hits in the same order, page after page,
/// by relevance, newest first and one per article, pinned articles on the first page only.
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

    // A question (more than three plain words) is re-scored, its best 1,000 matches only: the walk goes on past them.
    [ReutersFact]
    [Trait(SlowTests.Trait, SlowTests.Value)]
    public Task A_question_walk_over_shards_gives_one_indexs_walk_past_the_re_scored_matches() =>
        WalksAsOneIndexAsync(new SearchRequest("company said net profit rose", PageSize: 100), beyond: QuestionRescorer.Depth);

    [ReutersFact]
    [Trait(SlowTests.Trait, SlowTests.Value)]
    public Task A_question_walk_one_hit_per_article_over_shards_gives_one_indexs_walk() =>
        WalksAsOneIndexAsync(new SearchRequest("company said net profit rose", PageSize: 20, Unit: ResultUnit.Article));

    [ReutersFact]
    [Trait(SlowTests.Trait, SlowTests.Value)]
    public Task A_question_walk_favouring_fresh_articles_over_shards_gives_one_indexs_walk()
    {
        Assert.True(HalfLife.TryParse("1d", out var halfLife));
        var recency = new RecencyDecay(halfLife, new DateTimeOffset(1987, 2, 27, 0, 0, 0, TimeSpan.Zero));
        return WalksAsOneIndexAsync(new SearchRequest("company said net profit rose", PageSize: 100, Recency: recency), beyond: QuestionRescorer.Depth);
    }

    [ReutersFact]
    public async Task A_walk_with_pinned_articles_over_shards_shows_them_on_the_first_page_only_as_one_index_does()
    {
        var articles = Reuters();
        // Two articles of the walk's words, pinned: the first page shows them first, and no page shows them again.
        var pinned = articles.Where(a => a.Paragraphs.Any(p => p.Contains("oil", StringComparison.OrdinalIgnoreCase))).Take(2).Select(a => a.Id).ToList();
        await WalksAsOneIndexAsync(new SearchRequest("oil prices", PageSize: 7, Pinned: pinned), articles);
    }

    [ReutersFact]
    public async Task A_walk_by_relevance_goes_on_when_the_copy_holding_its_point_fails_a_call_and_then_answers()
    {
        using var indexes = new ShardedIndexes(Shards, Reuters());
        var request = new SearchRequest("oil prices", PageSize: 7);
        var expected = await CursorPages.OneIndexWalkAsync(indexes.SingleIndex, request);
        // Shard 1 fails the first call of the third page (each page makes three calls), as a copy slow under load does.
        var sources = indexes.ShardIndexes.Select((index, shard) =>
            new CountingShardSource(new IndexShardSource(index), shard, fails: call => shard == 1 && call == 7)).ToList();
        var paging = new ShardedCursorPaging(new ShardedSearcher(sources, IndexSchema.CreateAnalyzer()), new CursorCodec());

        var (hits, _) = await CursorPages.WalkAsync(paging.SearchAsync, request);

        Assert.True(sources[1].Calls > 9, $"{sources[1].Calls} calls: the walk ended before the failure");
        Assert.Equal(expected.Hits.Select(h => h.Id), hits.Select(h => h.Id));
    }

    /// <param name="beyond">How many hits the walk must pass at least.</param>
    private static async Task WalksAsOneIndexAsync(SearchRequest request, List<Article>? articles = null, int beyond = 0)
    {
        using var indexes = new ShardedIndexes(Shards, articles ?? Reuters());
        var expected = await CursorPages.OneIndexWalkAsync(indexes.SingleIndex, request);
        var paging = new ShardedCursorPaging(indexes.SearcherOverShards(), new CursorCodec());

        var (hits, pages) = await CursorPages.WalkAsync(paging.SearchAsync, request);

        Assert.True(expected.Pages > 3, $"{expected.Pages} pages");
        Assert.True(expected.Hits.Count > beyond, $"{expected.Hits.Count} hits");
        Assert.Equal(expected.Hits.Select(h => h.Id), hits.Select(h => h.Id));
        Assert.Equal(expected.Pages, pages);
    }

    private static List<Article> Reuters()
    {
        using var file = File.OpenRead(ReutersCorpus.Path!);
        return JsonlArticleReader.Read(file, ReutersCorpus.Path!, _ => { }).Take(Articles).ToList();
    }
}
