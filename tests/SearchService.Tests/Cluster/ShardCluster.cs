using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using SearchService.Cluster.Shards;
using SearchService.Cluster.Storage;
using SearchService.Core.Indexing;
using SearchService.Core.Sharding;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// In-process silos (Orleans' TestCluster, on its own membership: the primary silo holds the table) holding shard
/// grains over an article log on a scratch database, their folders under a temporary root, and a sharded searcher
/// over the grains through the cluster's client.
/// </summary>
public sealed class ShardCluster : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TestArticleLog log;
    private readonly TempDirectory root;

    private ShardCluster(TestArticleLog log, TempDirectory root, TestCluster cluster, int shards)
    {
        this.log = log;
        this.root = root;
        Cluster = cluster;
        Shards = shards;
        Searcher = new ShardedSearcher(GrainShardSource.All(cluster.Client, shards), IndexSchema.CreateAnalyzer());
    }

    public TestCluster Cluster { get; }

    public int Shards { get; }

    public PostgresArticleLog Log => log.Log;

    public ShardedSearcher Searcher { get; }

    /// <param name="siloArticleLog">The connection string the silos read the article log with; null: the scratch database's.</param>
    public static async Task<ShardCluster> StartAsync(int silos, int shards, string? siloArticleLog = null)
    {
        var log = await TestArticleLog.CreateAsync();
        var root = new TempDirectory();
        try
        {
            var builder = new TestClusterBuilder((short)silos);
            builder.Options.ConfigureFileLogging = false;
            builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [ShardSiloConfigurator.ConnectionString] = siloArticleLog ?? log.ConnectionString,
                [ShardSiloConfigurator.Root] = root.Path,
                [ShardSiloConfigurator.Shards] = shards.ToString(CultureInfo.InvariantCulture),
            }));
            builder.AddSiloBuilderConfigurator<ShardSiloConfigurator>();
            builder.AddClientBuilderConfigurator<ShardClientConfigurator>();
            var cluster = builder.Build();
            await cluster.DeployAsync();
            return new ShardCluster(log, root, cluster, shards);
        }
        catch
        {
            root.Dispose();
            await log.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every shard's status, activating those not active.</summary>
    public async Task<IReadOnlyList<ShardStatus>> StatusesAsync() =>
        await Task.WhenAll(Enumerable.Range(0, Shards).Select(shard => Cluster.Client.GetGrain<IShardGrain>(shard).StatusAsync()));

    /// <summary>Waits until every shard has applied the log up to <paramref name="version"/>; returns how long that took.</summary>
    public async Task<TimeSpan> WaitUntilAppliedAsync(long version)
    {
        var clock = Stopwatch.StartNew();
        while ((await StatusesAsync()).Any(s => s.AppliedVersion < version))
        {
            Assert.True(clock.Elapsed < Patience, $"The shards did not apply version {version} within {Patience}");
            await Task.Delay(20);
        }
        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await log.DisposeAsync();
        root.Dispose();
    }
}
