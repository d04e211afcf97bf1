using System.Diagnostics;
using SearchService.Cluster.Shards;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using SearchService.Tests.Sharding;
using SearchService.Tests.TestSupport;
using Xunit.Abstractions;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Two copies of every shard on three in-process silos: the copies of a shard are placed on different silos, each
/// reports how far it has followed the article log, and a silo killed under a steady query loop fails no query, every
/// answer staying complete and equal to one index's.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ShardReplicaTests(ITestOutputHelper output)
{
    private const int Silos = 3;
    private const int Shards = 8;
    private const int Replicas = 2;
    private const int ReutersArticles = 300;
    private const int Seed = 18;

    private static readonly TimeSpan LoopBeforeKill = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan LoopAfterKill = TimeSpan.FromSeconds(15);

    [PostgresReutersFact]
    public async Task The_copies_of_each_shard_are_active_on_different_silos()
    {
        await using var cluster = await ShardCluster.StartAsync(Silos, Shards, Replicas);

        var statuses = await cluster.StatusesAsync();

        output.WriteLine(string.Join('\n', statuses.Select(s => $"shard {s.Shard} copy {s.Copy}: {s.Silo}")));
        Assert.Equal(Shards * Replicas, statuses.Count);
        Assert.All(statuses.GroupBy(s => s.Shard), copies => Assert.Equal(Replicas, copies.Select(c => c.Silo).Distinct().Count()));
    }

    [PostgresReutersFact]
    public async Task The_status_reports_every_copy_with_its_lag_behind_the_log_and_the_paragraphs_it_holds()
    {
        var articles = ShardCluster.SeedAndReuters(ReutersArticles);
        await using var cluster = await ShardCluster.StartAsync(Silos, Shards, Replicas);
        var version = await cluster.Log.PutManyAsync(articles);
        await cluster.WaitUntilAppliedAsync(version);
        using var single = new ShardedIndexes(1, articles);

        var statuses = await cluster.StatusesAsync();

        Assert.Equal(ShardCopy.All(Shards, Replicas), statuses.Select(s => new ShardCopy(s.Shard, s.Copy)));
        Assert.All(statuses, s => Assert.Equal((version, 0L), (s.LatestVersion!.Value, s.Lag!.Value)));
        Assert.All(statuses.GroupBy(s => s.Copy), copies => Assert.Equal(single.ParagraphsPerShard.Single(), copies.Sum(c => c.Paragraphs)));
    }

    [PostgresReutersFact]
    public async Task A_silo_killed_under_a_steady_query_loop_fails_no_query_and_every_answer_stays_complete()
    {
        var articles = ShardCluster.SeedAndReuters(ReutersArticles);
        await using var cluster = await ShardCluster.StartAsync(Silos, Shards, Replicas);
        await cluster.WaitUntilAppliedAsync(await cluster.Log.PutManyAsync(articles));
        using var answers = new OneIndexAnswers(articles, Seed);
        var victim = await cluster.BusiestSecondaryAsync();
        var held = (await cluster.StatusesAsync()).Count(s => s.Silo == victim.SiloAddress.ToString());

        var (failed, differences, times) = (new List<string>(), new List<string>(), new List<(TimeSpan At, TimeSpan Took)>());
        var clock = Stopwatch.StartNew();
        TimeSpan? killedAt = null;
        for (var i = 0; killedAt is null || clock.Elapsed < killedAt + LoopAfterKill; i++)
        {
            if (killedAt is null && clock.Elapsed >= LoopBeforeKill)
            {
                await cluster.Cluster.KillSiloAsync(victim);
                killedAt = clock.Elapsed;
            }
            var started = clock.Elapsed;
            try
            {
                differences.AddRange(await answers.DifferencesAsync(cluster.Searcher, i));
            }
            catch (ShardUnavailableException e)
            {
                failed.Add($"{started.TotalMilliseconds:F0} ms: {e.Message}");
            }
            times.Add((started, clock.Elapsed - started));
        }

        var after = times.Where(t => t.At >= killedAt).Select(t => t.Took.TotalMilliseconds).Order().ToList();
        var before = times.Where(t => t.At < killedAt).Select(t => t.Took.TotalMilliseconds).Order().ToList();
        output.WriteLine($"Killed {victim.SiloAddress} holding {held} of {Shards * Replicas} copies; {times.Count} queries, "
            + $"{failed.Count} failed, {differences.Count} differences; before the kill p50 {before[before.Count / 2]:F0} ms, max {before[^1]:F0} ms; "
            + $"after it p50 {after[after.Count / 2]:F0} ms, max {after[^1]:F0} ms");
        Assert.True(failed.Count == 0, $"{failed.Count} queries failed:\n{string.Join('\n', failed.Take(10))}");
        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n{string.Join('\n', differences.Take(20))}");
    }
}
