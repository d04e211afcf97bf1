using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SearchService.Api.Cluster;
using SearchService.Cluster.Shards;
using SearchService.Cluster.Storage;
using SearchService.Core.Corpus;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Two in-process silos holding one shard's two copies, the secondary silo reading the article log through a relay the
/// tests can hold (<see cref="HeldConnections"/>): while held, the copy on that silo falls behind every write, and the
/// other copy applies it. Nodes' reads are made as a node makes them (<see cref="NewNode"/>).
/// </summary>
public sealed class HeldCopyCluster : IAsyncLifetime
{
    public HeldConnections Secondary { get; private set; } = null!;

    public ShardCluster Shards { get; private set; } = null!;

    /// <summary>The copy on the secondary silo, which falls behind while <see cref="Secondary"/> is held.</summary>
    public ShardCopy HeldCopy { get; private set; }

    public async Task InitializeAsync()
    {
        if (new PostgresFactAttribute().Skip is not null)
            return; // the tests are skipped, saying why
        Secondary = new HeldConnections(PostgresFactAttribute.ConnectionString!);
        Shards = await ShardCluster.StartAsync(silos: 2, shards: 1, replicas: 2, secondarySiloArticleLog: Secondary.Through);
        await Shards.WaitUntilAppliedAsync(await Shards.Log.PutManyAsync([
            new Article("held-seed", "Held copies", ["A first article, so that every copy has applied a version."], DateTimeOffset.UnixEpoch)]));
        var secondary = Shards.Cluster.SecondarySilos.Single().SiloAddress.ToString();
        var held = (await Shards.StatusesAsync()).Single(status => status.Silo == secondary);
        HeldCopy = new ShardCopy(held.Shard, held.Copy);
    }

    /// <summary>
    /// What a node reads with in cluster mode (as <c>ClusterSetup</c> makes them): a backend of its own, whose
    /// <see cref="ClusterSearchBackend.ReadAtAsync"/> takes a token, and a related-articles finder of its own; each asks
    /// the copies in turn, from the same one for every new node.
    /// </summary>
    public HeldCopyNode NewNode()
    {
        var log = new SiloArticleLog(new ArticleLogOptions(Shards.ConnectionString));
        var options = new SearchClusterOptions { Shards = Shards.Shards, Replicas = Shards.Replicas };
        var backend = new ClusterSearchBackend(Shards.Cluster.Client, Options.Create(options), Synonyms.None, QueryCostLimits.Default, new CursorCodec(), log,
            new ServiceCollection().BuildServiceProvider());
        var related = new ShardedRelatedFinder(
            GrainShardSource.All(Shards.Cluster.Client, Shards.Shards, options.ShardCallTimeout, Shards.Replicas), IndexSchema.CreateAnalyzer());
        return new HeldCopyNode(backend, related, log);
    }

    public async Task DisposeAsync()
    {
        if (Shards is not null)
            await Shards.DisposeAsync();
        if (Secondary is not null)
            await Secondary.DisposeAsync();
    }
}
