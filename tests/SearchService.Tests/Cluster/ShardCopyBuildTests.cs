using System.Diagnostics;
using SearchService.Cluster.Shards;
using SearchService.Core.Indexing;
using SearchService.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Builds of a copy's index on the silo it is to move to (<see cref="ShardCopyBuilds"/>): what a finished build leaves
/// is a committed index at the log's end in the copy's folder; a build that fails, was cut off or is discarded leaves no
/// folder a later activation would open.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ShardCopyBuildTests
{
    private const int Shards = 4;
    private const int ReutersArticles = 60;
    private static readonly ShardCopy Built = new(Shard: 1, Copy: 0);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [PostgresReutersFact]
    public async Task A_finished_build_is_a_committed_index_at_the_logs_end_in_the_copys_folder_holding_the_shards_articles()
    {
        var articles = ShardCluster.SeedAndReuters(ReutersArticles);
        await using var cluster = await ShardCluster.StartAsync(silos: 1, Shards, replicas: 1);
        var version = await cluster.Log.PutManyAsync(articles);

        var built = await BuildAsync(cluster, Built);

        Assert.Equal(version, built);
        Assert.Equal([$"shard-{Built.Shard}-copy-{Built.Copy}"], Folders(cluster));
        using var index = new SearchIndex(Path.Combine(SiloFolder(cluster), Folders(cluster)[0]), NullLogger<SearchIndex>.Instance);
        Assert.Equal(version, index.CommittedJournalOffset);
        var router = new Core.Sharding.ShardRouter(Shards);
        var ids = index.Search(searcher => Enumerable.Range(0, searcher.IndexReader.MaxDoc)
            .Select(doc => searcher.Doc(doc).Get(IndexSchema.ArticleId)).OfType<string>().Distinct().Order().ToList());
        Assert.Equal(articles.Where(a => router.ShardOf(a.Id) == Built.Shard).Select(a => a.Id).Order(), ids);
    }

    [PostgresReutersFact]
    public async Task A_build_that_fails_leaves_no_folder()
    {
        var refused = $"Host=127.0.0.1;Port={LoopbackPort.Free()};Username=postgres;Database=searchservice";
        await using var cluster = await ShardCluster.StartAsync(silos: 1, Shards, replicas: 1, siloArticleLog: refused);

        await Assert.ThrowsAnyAsync<Exception>(() => BuildAsync(cluster, Built));

        Assert.Empty(Folders(cluster));
    }

    [PostgresReutersFact]
    public async Task A_build_cut_off_by_its_silos_end_is_deleted_by_the_next_build_on_the_silo()
    {
        await using var cluster = await ShardCluster.StartAsync(silos: 1, Shards, replicas: 1);
        await cluster.Log.PutManyAsync(ShardCluster.SeedAndReuters(ReutersArticles));
        // What a silo killed mid-build leaves: a build folder with an index in it, never renamed to the copy's.
        var cutOff = Path.Combine(SiloFolder(cluster), "shard-2-copy-0.building");
        new SearchIndex(cutOff, NullLogger<SearchIndex>.Instance).Dispose();

        await BuildAsync(cluster, Built);

        Assert.Equal([$"shard-{Built.Shard}-copy-{Built.Copy}"], Folders(cluster));
    }

    [PostgresReutersFact]
    public async Task A_finished_build_that_no_copy_opened_is_deleted_when_discarded()
    {
        await using var cluster = await ShardCluster.StartAsync(silos: 1, Shards, replicas: 1);
        await cluster.Log.PutManyAsync(ShardCluster.SeedAndReuters(ReutersArticles));
        await BuildAsync(cluster, Built);

        await cluster.Cluster.Client.GetGrain<IShardCopyBuildGrain>(new ShardCopyBuild(Silo(cluster), Built).Key).DiscardAsync();

        Assert.Empty(Folders(cluster));
    }

    [PostgresReutersFact]
    public async Task A_build_under_way_is_reported_with_its_silo_and_progress_until_it_is_done()
    {
        await using var cluster = await ShardCluster.StartAsync(silos: 1, Shards, replicas: 1);
        var version = await cluster.Log.PutManyAsync(ShardCluster.SeedAndReuters(ReutersArticles));
        var underWay = new ShardCopyBuildsUnderWay(cluster.Cluster.Client);
        IReadOnlyList<ShardCopyBuildProgress> reported;
        // The build waits at its first read of the log while the lock is held: under way, holding nothing yet.
        await using (await cluster.LockArticlesAsync())
        {
            await cluster.Cluster.Client.GetGrain<IShardCopyBuildGrain>(new ShardCopyBuild(Silo(cluster), Built).Key).StartAsync();
            var clock = Stopwatch.StartNew();
            while ((reported = await underWay.GatherAsync([Silo(cluster)], Patience, CancellationToken.None)).Count == 0)
            {
                Assert.True(clock.Elapsed < Patience, $"No build was reported within {Patience}");
                await Task.Delay(20);
            }
        }

        var build = Assert.Single(reported);
        Assert.Equal((Built.Shard, Built.Copy, Silo(cluster).ToString(), 0L), (build.Shard, build.Copy, build.Silo, build.Version));
        Assert.Equal(version, await BuildAsync(cluster, Built));
        Assert.Empty(await underWay.GatherAsync([Silo(cluster)], Patience, CancellationToken.None));
    }

    /// <summary>Builds <paramref name="copy"/> on the primary silo, without activating it there; returns the version built.</summary>
    private static async Task<long> BuildAsync(ShardCluster cluster, ShardCopy copy)
    {
        var build = cluster.Cluster.Client.GetGrain<IShardCopyBuildGrain>(new ShardCopyBuild(Silo(cluster), copy).Key);
        await build.StartAsync();
        var clock = Stopwatch.StartNew();
        long? built;
        while ((built = await build.BuiltAsync()) is null)
        {
            Assert.True(clock.Elapsed < Patience, $"{copy} was not built within {Patience}");
            await Task.Delay(20);
        }
        return built.Value;
    }

    private static SiloAddress Silo(ShardCluster cluster) => cluster.Cluster.Primary!.SiloAddress;

    private static string SiloFolder(ShardCluster cluster) => cluster.SiloFolder(Silo(cluster));

    private static List<string> Folders(ShardCluster cluster) =>
        Directory.Exists(SiloFolder(cluster)) ? [.. Directory.EnumerateDirectories(SiloFolder(cluster)).Select(f => Path.GetFileName(f)!).Order()] : [];
}
