using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using SearchService.Tests.Sharding;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Cursor walks through in-process silos keep one index's promises: the same hits in the same order as one index's
/// walk, none repeated or skipped whatever is written between pages, a walk by relevance refused once the copy holding
/// its reader is gone, and one newest first going on with another copy.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ClusterCursorTests
{
    private const int Shards = 4;
    private const int ReutersArticles = 300;

    private static readonly SearchRequest ByRelevance = new("oil prices", PageSize: 7);
    private static readonly SearchRequest NewestFirst = new("oil", PageSize: 9, Order: ResultOrder.Date);

    // More than three plain words: a question, re-scored by the gatherer over every shard's best.
    private static readonly SearchRequest Question = new("company said net profit rose", PageSize: 100);

    [PostgresReutersFact]
    public Task A_walk_by_relevance_through_the_cluster_gives_one_indexs_walk() => WalksAsOneIndexAsync(ByRelevance);

    [PostgresReutersFact]
    public Task A_walk_newest_first_through_the_cluster_gives_one_indexs_walk() => WalksAsOneIndexAsync(NewestFirst);

    [PostgresReutersFact]
    public Task A_walk_one_hit_per_article_through_the_cluster_gives_one_indexs_walk() =>
        WalksAsOneIndexAsync(new SearchRequest("oil", PageSize: 4, Unit: ResultUnit.Article));

    [PostgresReutersFact]
    public Task A_question_walk_through_the_cluster_gives_one_indexs_walk() => WalksAsOneIndexAsync(Question);

    [PostgresReutersFact]
    public async Task Articles_written_and_deleted_between_pages_neither_repeat_nor_skip_a_hit_of_a_walk_by_relevance()
    {
        var articles = ShardCluster.SeedAndReuters(ReutersArticles);
        await using var cluster = await HoldingAsync(articles, silos: 2);
        using var single = new ShardedIndexes(1, articles);
        var expected = await CursorPages.OneIndexWalkAsync(single.SingleIndex, ByRelevance);
        var paging = new ShardedCursorPaging(cluster.Searcher, new CursorCodec());

        var (hits, _) = await CursorPages.WalkAsync(paging.SearchAsync, ByRelevance, async page =>
        {
            if (page > 3)
                return;
            // A new article of the walk's words (it would rank first), one shown already and one still to come deleted.
            var written = await cluster.Log.PutManyAsync([OilStory($"oil-{page}")]);
            await cluster.Log.DeleteAsync(expected.Hits[page - 1].ArticleId);
            var deleted = await cluster.Log.DeleteAsync(expected.Hits[^page].ArticleId);
            await cluster.WaitUntilAppliedAsync(Math.Max(written, deleted ?? 0));
        });

        Assert.Equal(expected.Hits.Select(h => h.Id), hits.Select(h => h.Id));
        var now = await cluster.Searcher.SearchAsync(ByRelevance);
        Assert.StartsWith("oil-", now.Hits[0].ArticleId); // the writes were searchable meanwhile
    }

    [PostgresReutersFact]
    public async Task A_walk_by_relevance_whose_copy_died_is_refused_naming_after_and_one_newest_first_goes_on()
    {
        var articles = ShardCluster.SeedAndReuters(ReutersArticles);
        await using var cluster = await HoldingAsync(articles, silos: 3);
        using var single = new ShardedIndexes(1, articles);
        var expected = await CursorPages.OneIndexWalkAsync(single.SingleIndex, NewestFirst);
        var codec = new CursorCodec();
        // A searcher of its own for each first page asks the same copy of every shard: both walks read the same copies.
        var byRelevance = await new ShardedCursorPaging(cluster.NewSearcher(), codec).SearchAsync(ByRelevance);
        var newestFirst = await new ShardedCursorPaging(cluster.NewSearcher(), codec).SearchAsync(NewestFirst);
        var read = codec.Decode(byRelevance.Next!).Shards!;
        Assert.Equal(read, codec.Decode(newestFirst.Next!).Shards!);
        var paging = new ShardedCursorPaging(cluster.Searcher, codec);

        await KillASiloReadAsync(cluster, read);

        var refused = await Assert.ThrowsAsync<CursorException>(() => paging.SearchAsync(ByRelevance with { After = byRelevance.Next }));
        Assert.StartsWith("after has expired", refused.Message);
        var rest = await CursorPages.WalkAsync(paging.SearchAsync, NewestFirst with { After = newestFirst.Next });
        Assert.Equal(expected.Hits.Select(h => h.Id), newestFirst.Hits.Concat(rest.Hits).Select(h => h.Id));
    }

    [PostgresReutersFact]
    public async Task A_question_walk_whose_copy_died_is_refused_naming_after()
    {
        await using var cluster = await HoldingAsync(ShardCluster.SeedAndReuters(ReutersArticles), silos: 3);
        var codec = new CursorCodec();
        var first = await new ShardedCursorPaging(cluster.NewSearcher(), codec).SearchAsync(Question);

        await KillASiloReadAsync(cluster, codec.Decode(first.Next!).Shards!);

        var refused = await Assert.ThrowsAsync<CursorException>(
            () => new ShardedCursorPaging(cluster.Searcher, codec).SearchAsync(Question with { After = first.Next }));
        Assert.StartsWith("after has expired", refused.Message);
    }

    /// <summary>Kills a secondary silo holding a copy a walk read (<paramref name="read"/>: the cursor's points).</summary>
    private static async Task KillASiloReadAsync(ShardCluster cluster, IReadOnlyList<ShardPoint> read)
    {
        var statuses = await cluster.StatusesAsync();
        var silos = read.Select((point, shard) => statuses.Single(s => s.Shard == shard && s.Copy == point.Copy).Silo).ToHashSet();
        await cluster.Cluster.KillSiloAsync(cluster.Cluster.SecondarySilos.First(s => silos.Contains(s.SiloAddress.ToString())));
    }

    private static async Task WalksAsOneIndexAsync(SearchRequest request)
    {
        var articles = ShardCluster.SeedAndReuters(ReutersArticles);
        await using var cluster = await HoldingAsync(articles, silos: 2);
        using var single = new ShardedIndexes(1, articles);
        var expected = await CursorPages.OneIndexWalkAsync(single.SingleIndex, request);
        var paging = new ShardedCursorPaging(cluster.Searcher, new CursorCodec());

        var (hits, pages) = await CursorPages.WalkAsync(paging.SearchAsync, request);

        Assert.True(expected.Pages > 3, $"{expected.Pages} pages");
        Assert.Equal(expected.Hits.Select(h => h.Id), hits.Select(h => h.Id));
        Assert.Equal(expected.Pages, pages);
    }

    /// <summary>A cluster of <see cref="Shards"/> shards, 2 copies each, on <paramref name="silos"/> silos, every copy holding <paramref name="articles"/>.</summary>
    private static async Task<ShardCluster> HoldingAsync(IReadOnlyList<Article> articles, int silos)
    {
        var cluster = await ShardCluster.StartAsync(silos, Shards);
        try
        {
            await cluster.WaitUntilAppliedAsync(await cluster.Log.PutManyAsync(articles));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private static Article OilStory(string id) => new(
        id, "Oil prices", ["Oil prices rose as oil prices fell: oil prices, oil prices, oil prices."], new DateTimeOffset(1987, 3, 1, 0, 0, 0, TimeSpan.Zero));
}
