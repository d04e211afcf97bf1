using System.Diagnostics;
using SearchService.Cluster.Shards;
using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.Facets;
using SearchService.Tests.TestSupport;
using Xunit.Abstractions;

namespace SearchService.Tests.Cluster;

/// <summary>
/// How soon a shard copy follows a write to the article log, and what it means by "applied": a copy learns of a
/// commit from PostgreSQL's notification rather than its next poll, and a version it reports applied is one its
/// searches see.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ShardCopyFreshnessTests(ITestOutputHelper output)
{
    [PostgresReutersFact]
    public async Task A_copy_applies_a_write_as_it_commits_not_at_its_next_poll()
    {
        var pollInterval = TimeSpan.FromMinutes(2);
        await using var cluster = await ShardCluster.StartAsync(silos: 1, shards: 1, replicas: 1, pollInterval: pollInterval);
        await cluster.WaitUntilAppliedAsync(await cluster.Log.PutAsync(SeedArticle.Article));
        var copy = cluster.Cluster.Client.GetGrain<IShardGrain>(new ShardCopy(0, 0).Key);
        var delays = new List<double>();

        for (var i = 0; i < 5; i++)
        {
            var version = await cluster.Log.PutAsync(Harbour($"harbour-{i}", i));
            var clock = Stopwatch.StartNew();
            while ((await copy.StatusAsync()).AppliedVersion < version)
            {
                Assert.True(clock.Elapsed < pollInterval / 2, $"version {version} not applied within {pollInterval / 2}");
                await Task.Delay(5);
            }
            delays.Add(clock.Elapsed.TotalMilliseconds);
        }

        output.WriteLine($"Applied and searchable after {string.Join(", ", delays.Select(d => d.ToString("F0")))} ms (polling every {pollInterval})");
        Assert.All(delays, delay => Assert.True(delay < TimeSpan.FromSeconds(20).TotalMilliseconds, $"a write applied after {delay:F0} ms"));
    }

    /// <remarks>
    /// A hundred articles a round give the copy's reopen something to do: a version reported as soon as the copy's
    /// writer held it, before its searcher reopened, was seen by the status loop and missed by the search after it.
    /// </remarks>
    [PostgresReutersFact]
    public async Task A_version_a_copy_reports_applied_is_one_its_searches_see()
    {
        await using var cluster = await ShardCluster.StartAsync(silos: 1, shards: 1, replicas: 1);
        await cluster.WaitUntilAppliedAsync(await cluster.Log.PutAsync(SeedArticle.Article));
        var copy = cluster.Cluster.Client.GetGrain<IShardGrain>(new ShardCopy(0, 0).Key);
        var missed = new List<string>();

        for (var round = 0; round < 10; round++)
        {
            var town = $"Velmora{round}";
            var last = await cluster.Log.PutManyAsync(Enumerable.Range(0, 100)
                .Select(i => Harbour($"round-{round}-{i}", i, town)).ToList());
            while ((await copy.StatusAsync()).AppliedVersion < last)
                await Task.Delay(1);

            var found = (await cluster.Searcher.SearchAsync(new SearchRequest(town, Unit: ResultUnit.Article))).Total;
            if (found != 100)
                missed.Add($"round {round}: {found} of 100 articles found at applied version {last}");
        }

        Assert.Empty(missed);
    }

    private static Article Harbour(string id, int boat, string town = "Brest") =>
        new(id, $"Boat {boat} back in {town}", [$"Fishing boat number {boat} returned to the harbour of {town} after the storm had passed."]);
}
