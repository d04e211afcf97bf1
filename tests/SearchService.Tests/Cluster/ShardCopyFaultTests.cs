using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using SearchService.Cluster.Shards;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// A shard copy that fails in a way no search means (its folder deleted under it, or a file where its folder should
/// be) fails the call as an unavailable shard naming the shard and the cause, however the grain failed and on whichever
/// silo it lives, so the API answers 503 "Shard unavailable", not 500; and it recovers, from its folder and the article
/// log, instead of failing every call for ever; a folder Lucene finds corrupt is read again from the log. Two
/// in-process silos, two shards in one copy each; the calls are made from a silo's own grain factory, as a node's API
/// makes them.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ShardCopyFaultTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly SearchRequest Oil = new("oil prices");

    private ShardCluster cluster = null!;
    private long lastVersion;

    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is null || ReutersCorpus.Path is null)
            return; // the tests are skipped, saying why
        cluster = await ShardCluster.StartAsync(silos: 2, shards: 2, replicas: 1);
        lastVersion = await cluster.Log.PutManyAsync(ShardCluster.SeedAndReuters(300));
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
            await cluster.DisposeAsync();
    }

    [PostgresReutersFact]
    public async Task A_copy_whose_folder_is_deleted_under_it_fails_a_call_naming_its_shard_then_reads_the_log_again_and_answers_as_before()
    {
        await cluster.WaitUntilAppliedAsync(lastVersion);
        var before = await cluster.Searcher.SearchAsync(Oil);
        var holder = (await cluster.StatusesAsync()).Single(s => s.Shard == 0).Silo;
        var caller = OtherSilo(holder);

        Directory.Delete(CopyFolder(cluster.Cluster.Silos.Single(s => s.SiloAddress.ToString() == holder), shard: 0), recursive: true);
        var failure = await Assert.ThrowsAsync<ShardUnavailableException>(() => StatusFrom(caller, shard: 0));

        Assert.Equal(0, failure.Shard);
        Assert.Contains("shard-0-copy-0", failure.Message); // the cause crossed, not a serialization error
        var recovered = await StatusFrom(caller, shard: 0);
        Assert.Equal(0, recovered.OpenedAtVersion);
        Assert.Equal(lastVersion, recovered.AppliedVersion);
        var after = await cluster.Searcher.SearchAsync(Oil);
        Assert.Equal(before.Total, after.Total);
        Assert.Equal(before.Hits.Select(h => h.Id), after.Hits.Select(h => h.Id));
    }

    [PostgresReutersFact]
    public async Task A_copy_whose_folder_Lucene_finds_corrupt_when_activated_reads_the_log_again_and_answers_as_before()
    {
        await cluster.WaitUntilAppliedAsync(lastVersion);
        var before = await cluster.Searcher.SearchAsync(Oil);
        var holder = (await cluster.StatusesAsync()).Single(s => s.Shard == 0).Silo;
        var folder = CopyFolder(cluster.Cluster.Silos.Single(s => s.SiloAddress.ToString() == holder), shard: 0);

        // Copies are kept alive ([KeepAlive]): the silo's idle collection would leave it active.
        var copy = cluster.Cluster.Client.GetGrain<IShardGrain>(new ShardCopy(0, 0).Key);
        await cluster.Cluster.DeactivateAsync(copy);
        Assert.DoesNotContain(await cluster.Cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics(), s => s.GrainId == copy.GetGrainId());
        var segmentInfos = Directory.GetFiles(folder, "*.si", SearchOption.AllDirectories);
        Assert.NotEmpty(segmentInfos);
        foreach (var file in segmentInfos)
            await File.WriteAllBytesAsync(file, new byte[64]);
        var after = await cluster.Searcher.SearchAsync(Oil);

        var status = await StatusFrom(OtherSilo(holder), shard: 0);
        Assert.Equal(holder, status.Silo); // activated again over the corrupt folder, not placed elsewhere
        Assert.Equal(0, status.OpenedAtVersion);
        Assert.Equal(lastVersion, status.AppliedVersion);
        Assert.Equal(before.Total, after.Total);
        Assert.Equal(before.Hits.Select(h => h.Id), after.Hits.Select(h => h.Id));
    }

    [PostgresReutersFact]
    public async Task A_copy_that_cannot_open_its_folder_fails_searches_as_an_unavailable_shard_naming_the_cause_on_either_silo_until_the_cause_is_gone()
    {
        // A file where shard 1's folder goes, on both silos: wherever Orleans places the copy, its index cannot be
        // opened (Core's IndexUnavailableException, which the JSON codec of Core's records could not write).
        var blocks = cluster.Cluster.Silos.Select(silo => CopyFolder(silo, shard: 1)).ToList();
        foreach (var block in blocks)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(block)!);
            await File.WriteAllTextAsync(block, "not a folder");
        }

        foreach (var caller in cluster.Cluster.Silos)
        {
            var searcher = new ShardedSearcher(GrainShardSource.All(Grains(caller), shards: 2, replicas: 1), IndexSchema.CreateAnalyzer());
            var failure = await Assert.ThrowsAsync<ShardUnavailableException>(() => searcher.SearchAsync(Oil));
            Assert.Equal(1, failure.Shard);
            Assert.Contains("cannot be opened for writing", failure.Message);
        }

        foreach (var block in blocks)
            File.Delete(block);
        // An activation asked for before the files went (a search's later try) may still fail on them: the copy comes
        // back at the next one.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        ShardStatus? status = null;
        while (status is null)
        {
            try
            {
                status = await StatusFrom(cluster.Cluster.Primary!, shard: 1);
            }
            catch (ShardUnavailableException) when (clock.Elapsed < Patience)
            {
                await Task.Delay(100);
            }
        }
        Assert.Equal(lastVersion, status.AppliedVersion);
        Assert.True((await cluster.Searcher.SearchAsync(Oil)).Total > 0);
    }

    private SiloHandle OtherSilo(string silo) => cluster.Cluster.Silos.Single(s => s.SiloAddress.ToString() != silo);

    private static IGrainFactory Grains(SiloHandle silo) => ((InProcessSiloHandle)silo).ServiceProvider.GetRequiredService<IGrainFactory>();

    private static Task<ShardStatus> StatusFrom(SiloHandle caller, int shard) =>
        GrainShardSource.AskAsync(Grains(caller), new ShardCopy(shard, 0), grain => grain.StatusAsync(), Patience);

    /// <summary>Where a silo keeps copy 0 of a shard (<see cref="ShardGrain"/>: a folder per silo and copy under the root).</summary>
    private string CopyFolder(SiloHandle silo, int shard) =>
        Path.Combine(cluster.Root, $"{silo.SiloAddress.Endpoint.Address}_{silo.SiloAddress.Endpoint.Port}", $"shard-{shard}-copy-0");
}
