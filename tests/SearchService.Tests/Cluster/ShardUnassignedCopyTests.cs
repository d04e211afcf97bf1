using System.Diagnostics;
using SearchService.Cluster.Shards;
using SearchService.Core.Sharding;
using SearchService.Tests.TestSupport;
using Xunit.Abstractions;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Fewer silos than copies: a copy whose every silo holds another copy of its shard is refused a silo
/// (<see cref="ShardCopyUnassignedException"/>) instead of doubling up, searches answer from the other copy, and a silo
/// that joins gets the unassigned copies built (<see cref="ShardRebalancer"/>) before they answer, as Elasticsearch
/// allocates a replica to a node that joins.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ShardUnassignedCopyTests(ITestOutputHelper output)
{
    private const int Shards = 2;
    private const int Replicas = 2;
    private const int ReutersArticles = 200;
    private const int Seed = 18;

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [PostgresReutersFact]
    public async Task A_silo_alone_holds_one_copy_of_each_shard_and_answers_every_search_from_it()
    {
        var (cluster, answers, _) = await OneSiloAsync();
        await using var stopped = cluster;
        using var disposed = answers;

        // Each request twice: a searcher asks the copies in turn, so every shard's second copy is asked.
        var differences = new List<string>();
        for (var i = 0; i < 2 * answers.Requests.Count; i++)
            differences.AddRange(await answers.DifferencesAsync(cluster.Searcher, i / 2));

        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n{string.Join('\n', differences.Take(20))}");
        foreach (var shard in Enumerable.Range(0, Shards))
        {
            var refused = await Assert.ThrowsAsync<ShardUnavailableException>(() => GrainShardSource.AskAsync(
                cluster.Cluster.Client, new ShardCopy(shard, 1), grain => grain.StatusAsync(), CallTimeout));
            Assert.True(ShardCopyUnassignedException.Caused(refused), refused.ToString());
        }
        Assert.Equal(Enumerable.Range(0, Shards).Select(shard => new ShardCopy(shard, 0)), (await ActiveCopiesAsync(cluster)).Keys.OrderBy(copy => copy.Shard));
    }

    [PostgresReutersFact]
    public async Task A_silo_that_joins_gets_the_unassigned_copies_built_before_they_answer_and_no_search_fails_meanwhile()
    {
        var (cluster, answers, version) = await OneSiloAsync();
        await using var stopped = cluster;
        using var disposed = answers;
        // Searches before the join meet the unassigned copies: the searcher passes them over until they are started.
        var (failed, differences) = (new List<string>(), new List<string>());
        var searches = 0;
        for (; searches < 2 * Replicas; searches++)
            differences.AddRange(await answers.DifferencesAsync(cluster.Searcher, searches));

        var added = (await cluster.Cluster.StartAdditionalSiloAsync()).SiloAddress;
        var clock = Stopwatch.StartNew();
        Dictionary<ShardCopy, SiloAddress> active;
        while ((active = await ActiveCopiesAsync(cluster)).Count < Shards * Replicas)
        {
            Assert.True(clock.Elapsed < Patience, $"The unassigned copies were not started {Patience} after a silo joined: {string.Join(", ", active)}");
            try
            {
                differences.AddRange(await answers.DifferencesAsync(cluster.Searcher, searches++));
            }
            catch (ShardUnavailableException e)
            {
                failed.Add($"{clock.Elapsed.TotalMilliseconds:F0} ms: {e.Message}");
            }
        }

        output.WriteLine($"Every copy active {clock.Elapsed.TotalSeconds:F1} s after {added} joined; {searches} searches meanwhile");
        Assert.True(failed.Count == 0, $"{failed.Count} searches failed:\n{string.Join('\n', failed.Take(10))}");
        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n{string.Join('\n', differences.Take(20))}");
        Assert.All(Enumerable.Range(0, Shards), shard => Assert.NotEqual(active[new ShardCopy(shard, 0)], active[new ShardCopy(shard, 1)]));
        // Built on the added silo up to the log's end, then started there: it read nothing when it activated.
        foreach (var shard in Enumerable.Range(0, Shards))
        {
            var status = await cluster.Cluster.Client.GetGrain<IShardGrain>(new ShardCopy(shard, 1).Key).StatusAsync();
            Assert.Equal((added.ToString(), version, version), (status.Silo, status.OpenedAtVersion, status.AppliedVersion));
        }
    }

    /// <summary>
    /// One silo over the seed and Reuters articles, the first copy of every shard at the log's version (the second has
    /// no silo of its own), and the answers one index gives.
    /// </summary>
    private static async Task<(ShardCluster Cluster, OneIndexAnswers Answers, long Version)> OneSiloAsync()
    {
        var articles = ShardCluster.SeedAndReuters(ReutersArticles);
        var cluster = await ShardCluster.StartAsync(silos: 1, Shards, Replicas);
        var version = await cluster.Log.PutManyAsync(articles);
        await WaitUntilFirstCopiesApplyAsync(cluster, version);
        return (cluster, new OneIndexAnswers(articles, Seed), version);
    }

    private static async Task WaitUntilFirstCopiesApplyAsync(ShardCluster cluster, long version)
    {
        var clock = Stopwatch.StartNew();
        while ((await GrainShardSource.StatusesAsync(cluster.Cluster.Client, Shards, replicas: 1, CallTimeout)).Any(s => s.AppliedVersion < version))
        {
            Assert.True(clock.Elapsed < Patience, $"The first copies did not apply version {version} within {Patience}");
            await Task.Delay(20);
        }
    }

    /// <summary>The silo of every active copy, from every silo's catalog: nothing is activated to answer.</summary>
    private static async Task<Dictionary<ShardCopy, SiloAddress>> ActiveCopiesAsync(ShardCluster cluster)
    {
        var ids = ShardCopy.All(Shards, Replicas).ToDictionary(copy => cluster.Cluster.Client.GetGrain<IShardGrain>(copy.Key).GetGrainId());
        var statistics = await cluster.Cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.Where(s => ids.ContainsKey(s.GrainId)).ToDictionary(s => ids[s.GrainId], s => s.SiloAddress);
    }
}
