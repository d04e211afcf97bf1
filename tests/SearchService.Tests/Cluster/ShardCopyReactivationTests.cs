using Npgsql;
using SearchService.Cluster.Shards;
using SearchService.Core.Corpus;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Orleans does not wait for a shard copy's activation beyond its timeout: it fails the calls waiting for it and
/// activates the copy again on the next call, on the same silo, while the earlier activation may still hold the copy's
/// folder (its catch-up read stalled, as at load). The new activation waits for the folder and answers, rather than
/// failing on the folder's lock (issue 18: a copy stayed down for minutes, its lock "used by another process", its
/// own). The secondary silo reads the article log through a relay the test holds; Npgsql waits without end for the
/// answer to a cancelled read's cancellation, so the earlier activation holds the folder until the relay is released.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ShardCopyReactivationTests : IAsyncLifetime
{
    private HeldConnections relay = null!;
    private ShardCluster cluster = null!;

    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is null)
            return; // the test is skipped, saying why
        relay = new HeldConnections(PostgresFactAttribute.ConnectionString);
        cluster = await ShardCluster.StartAsync(silos: 2, shards: 1, replicas: 2,
            secondarySiloArticleLog: log => new NpgsqlConnectionStringBuilder(relay.Through(log)) { CancellationTimeout = 0 }.ConnectionString,
            configure: builder => builder.AddSiloBuilderConfigurator<ShortActivationSiloConfigurator>());
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
            await cluster.DisposeAsync();
        if (relay is not null)
            await relay.DisposeAsync();
    }

    [PostgresFact]
    public async Task A_copy_activated_again_while_its_earlier_activation_still_holds_its_folder_waits_for_the_folder_and_answers()
    {
        await cluster.WaitUntilAppliedAsync(await cluster.Log.PutManyAsync([Written("reactivation-first")]));
        // Copies are kept alive ([KeepAlive]): the silo's idle collection would leave them active.
        foreach (var active in ShardCopy.All(1, cluster.Replicas))
            await cluster.Cluster.DeactivateAsync(cluster.Cluster.Client.GetGrain<IShardGrain>(active.Key));
        var last = await cluster.Log.PutManyAsync([Written("reactivation-second")]);
        // The copy that the placement puts on the secondary silo when no other copy is active (ShardCopyPlacementDirector).
        var secondary = cluster.Cluster.SecondarySilos.Single().SiloAddress;
        var placed = cluster.Cluster.Silos.Select(s => s.SiloAddress).Order().ToList().IndexOf(secondary);
        var copy = cluster.Cluster.Client.GetGrain<IShardGrain>(new ShardCopy(0, placed).Key);

        relay.Hold();
        // Its catch-up read waits at the relay beyond the activation's timeout: Orleans gives up on it and fails the call.
        await Assert.ThrowsAnyAsync<Exception>(copy.StatusAsync);
        var again = copy.StatusAsync();
        await Task.WhenAny(again, ShortActivationSiloConfigurator.CopyWaits.Seen);
        relay.Release();
        var status = await again;

        Assert.Equal(secondary.ToString(), status.Silo);
        Assert.Equal(last, status.AppliedVersion);
    }

    private static Article Written(string id) =>
        new(id, "Activated again", ["A copy whose earlier activation still held its folder answers once it lets go."], DateTimeOffset.UnixEpoch);
}
