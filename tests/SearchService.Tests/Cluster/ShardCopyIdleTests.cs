using SearchService.Cluster.Shards;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// A shard copy is not collected for being idle (<see cref="ShardGrain"/> is kept alive): silos that collect an idle
/// activation after 2 s leave a copy nobody called for four times that active, the activation that started it.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ShardCopyIdleTests
{
    [PostgresReutersFact]
    public async Task A_copy_idle_past_the_silo_s_collection_age_stays_active_in_the_activation_that_started_it()
    {
        await using var cluster = await ShardCluster.StartAsync(silos: 1, shards: 1, replicas: 1,
            configure: builder => builder.AddSiloBuilderConfigurator<ShortCollectionSiloConfigurator>());
        var version = await cluster.Log.PutManyAsync(ShardCluster.SeedAndReuters(20));
        await cluster.WaitUntilAppliedAsync(version);
        var copy = cluster.Cluster.Client.GetGrain<IShardGrain>(new ShardCopy(0, 0).Key);

        await Task.Delay(4 * ShortCollectionSiloConfigurator.CollectionAge);

        // From the silo's catalog: nothing is activated to answer.
        var statistics = await cluster.Cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        Assert.Contains(statistics, s => s.GrainId == copy.GetGrainId());
        // The activation that started the copy opened an empty folder; one started again would open what it committed.
        Assert.Equal((0L, version), ((await copy.StatusAsync()).OpenedAtVersion, (await copy.StatusAsync()).AppliedVersion));
    }
}
