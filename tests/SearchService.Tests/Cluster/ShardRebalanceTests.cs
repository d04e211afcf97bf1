using System.Diagnostics;
using SearchService.Cluster.Shards;
using SearchService.Core.Sharding;
using SearchService.Tests.TestSupport;
using Xunit.Abstractions;

namespace SearchService.Tests.Cluster;

/// <summary>
/// A silo added to a running cluster of two under a steady query loop: copies move onto it (<see cref="ShardRebalancer"/>)
/// until they are even, no search failing or answering other than one index does, and the moved copies answer the same.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ShardRebalanceTests(ITestOutputHelper output)
{
    private const int Shards = 8;
    private const int Replicas = 2;
    private const int ReutersArticles = 300;
    private const int Seed = 18;

    private static readonly TimeSpan LoopBeforeJoin = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StatusEvery = TimeSpan.FromSeconds(1);

    [PostgresReutersFact]
    public async Task A_silo_added_under_a_steady_query_loop_takes_copies_until_even_and_every_answer_stays_complete()
    {
        var articles = ShardCluster.SeedAndReuters(ReutersArticles);
        await using var cluster = await ShardCluster.StartAsync(2, Shards, Replicas);
        await cluster.WaitUntilAppliedAsync(await cluster.Log.PutManyAsync(articles));
        using var answers = new OneIndexAnswers(articles, Seed);

        var (failed, differences) = (new List<string>(), new List<string>());
        var clock = Stopwatch.StartNew();
        var (joinedAt, lastStatus) = (TimeSpan.Zero, TimeSpan.Zero);
        SiloAddress? added = null;
        IReadOnlyList<ShardStatus>? even = null;
        var searches = 0;
        for (; even is null; searches++)
        {
            if (added is null && clock.Elapsed >= LoopBeforeJoin)
            {
                added = (await cluster.Cluster.StartAdditionalSiloAsync()).SiloAddress;
                joinedAt = clock.Elapsed;
            }
            try
            {
                differences.AddRange(await answers.DifferencesAsync(cluster.Searcher, searches));
            }
            catch (ShardUnavailableException e)
            {
                failed.Add($"{clock.Elapsed.TotalMilliseconds:F0} ms: {e.Message}");
            }
            if (added is not null && clock.Elapsed - lastStatus >= StatusEvery)
            {
                lastStatus = clock.Elapsed;
                var statuses = await cluster.StatusesAsync();
                if (statuses.GroupBy(s => s.Silo).Count() == 3 && statuses.Any(s => s.Silo == added.ToString()) && Even(statuses))
                    even = statuses;
                Assert.True(even is not null || clock.Elapsed - joinedAt < Patience,
                    $"The copies were not even {Patience} after the third silo joined: {Held(statuses)}");
            }
        }

        output.WriteLine($"Added {added} at {joinedAt.TotalSeconds:F1} s; even {(lastStatus - joinedAt).TotalSeconds:F1} s later: {Held(even)}; "
            + $"{searches} searches, {failed.Count} failed, {differences.Count} differences");
        Assert.True(failed.Count == 0, $"{failed.Count} searches failed:\n{string.Join('\n', failed.Take(10))}");
        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n{string.Join('\n', differences.Take(20))}");
        Assert.All(even.GroupBy(s => s.Shard), copies => Assert.Equal(Replicas, copies.Select(c => c.Silo).Distinct().Count()));
        Assert.All(cluster.Cluster.GetActiveSilos(), silo => Assert.Equal(
            even.Where(s => s.Silo == silo.SiloAddress.ToString()).Select(s => $"shard-{s.Shard}-copy-{s.Copy}").Order(),
            Directory.EnumerateDirectories(cluster.SiloFolder(silo.SiloAddress)).Select(Path.GetFileName).Order()));
        // A searcher that has seen no failure asks copy 1 of every shard, then copy 0: asked twice, each request reaches every copy.
        var fresh = cluster.NewSearcher();
        var after = new List<string>();
        for (var i = 0; i < 2 * answers.Requests.Count; i++)
            after.AddRange(await answers.DifferencesAsync(fresh, i / 2));
        Assert.True(after.Count == 0, $"{after.Count} differences once even:\n{string.Join('\n', after.Take(20))}");
    }

    /// <summary>
    /// The moved copies were built on the added silo before they switched (<see cref="IShardCopyBuildGrain"/>): each
    /// opened there at the version the log had, reading nothing on activation, so its shard missed it only for the
    /// switch. Every copy's status is asked over and over meanwhile: a call to a copy switching silos waits until it
    /// answers on its new one, so the time from its last answer on the old silo to its first on the new is about how
    /// long its shard had a copy fewer (printed).
    /// </summary>
    [PostgresReutersFact]
    public async Task Copies_moved_onto_an_added_silo_open_there_built_up_to_the_log_and_read_nothing_on_activation()
    {
        var articles = ShardCluster.SeedAndReuters(ReutersArticles);
        await using var cluster = await ShardCluster.StartAsync(2, Shards, Replicas);
        var version = await cluster.Log.PutManyAsync(articles);
        await cluster.WaitUntilAppliedAsync(version);

        var added = (await cluster.Cluster.StartAdditionalSiloAsync()).SiloAddress.ToString();
        var copies = ShardCopy.All(Shards, Replicas).ToList();
        // Each copy's answers: when each call ended, on which silo, and how long it took.
        var answered = copies.ToDictionary(copy => copy, _ => new List<(TimeSpan End, string Silo, TimeSpan Took)>());
        var clock = Stopwatch.StartNew();
        ShardStatus[] statuses;
        do
        {
            Assert.True(clock.Elapsed < Patience, $"The copies were not even {Patience} after the third silo joined");
            var asked = await Task.WhenAll(copies.Select(async copy =>
            {
                var call = Stopwatch.StartNew();
                var status = await cluster.Cluster.Client.GetGrain<IShardGrain>(copy.Key).StatusAsync();
                return (copy, status, call.Elapsed, clock.Elapsed);
            }));
            foreach (var (copy, status, took, end) in asked)
                answered[copy].Add((end, status.Silo, took));
            statuses = [.. asked.Select(a => a.status)];
        }
        while (!(statuses.Any(s => s.Silo == added) && statuses.GroupBy(s => s.Silo).Count() == 3 && Even(statuses)));

        var moved = statuses.Where(s => s.Silo == added).ToList();
        // From the last answer on the old silo to the first on the new one: the switch, as often as the calls look.
        var switches = moved.Select(s => answered[new ShardCopy(s.Shard, s.Copy)]).Select(calls =>
        {
            var first = calls.FindIndex(c => c.Silo == added);
            return first == 0 ? TimeSpan.Zero : calls[first].End - calls[first - 1].End;
        }).ToList();
        var stayed = statuses.Except(moved).SelectMany(s => answered[new ShardCopy(s.Shard, s.Copy)]).Max(c => c.Took);
        output.WriteLine($"Even {clock.Elapsed.TotalSeconds:F1} s after the third silo joined, {moved.Count} copies moved; from the last answer on the "
            + $"old silo to the first on the new: {string.Join(", ", switches.Select(t => $"{t.TotalMilliseconds:F0}"))} ms; "
            + $"the longest call to a copy that stayed {stayed.TotalMilliseconds:F0} ms");
        Assert.All(moved, copy => Assert.Equal(version, copy.OpenedAtVersion));
    }

    /// <summary>No silo holds more than ceil(copies / silos), nor fewer than floor.</summary>
    private static bool Even(IReadOnlyList<ShardStatus> statuses)
    {
        var held = statuses.GroupBy(s => s.Silo).Select(g => g.Count()).ToList();
        return held.Max() - held.Min() <= 1;
    }

    private static string Held(IReadOnlyList<ShardStatus> statuses) =>
        string.Join(", ", statuses.GroupBy(s => s.Silo).Select(g => $"{g.Key}: {g.Count()}"));
}
