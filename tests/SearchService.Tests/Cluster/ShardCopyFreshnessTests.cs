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
    /// A status reports the version applied and the paragraphs the copy's searcher holds, in one call. Every article
    /// written here has one paragraph and a new id, so a searcher that sees every version up to v holds the seed
    /// article's paragraphs and one more a version after it: a status showing fewer reported a version its searches did
    /// not see yet. Ten rounds of 100 articles, the status asked without pause while each is applied.
    /// </remarks>
    [PostgresReutersFact]
    public async Task A_version_a_copy_reports_applied_is_one_its_searches_see()
    {
        await using var cluster = await ShardCluster.StartAsync(silos: 1, shards: 1, replicas: 1);
        var seedVersion = await cluster.Log.PutAsync(SeedArticle.Article);
        await cluster.WaitUntilAppliedAsync(seedVersion);
        var copy = cluster.Cluster.Client.GetGrain<IShardGrain>(new ShardCopy(0, 0).Key);
        var seedParagraphs = (await copy.StatusAsync()).Paragraphs;
        var aheadOfSearches = new List<string>();
        var statuses = 0;

        for (var round = 0; round < 10; round++)
        {
            var town = $"Velmora{round}";
            var last = await cluster.Log.PutManyAsync(Enumerable.Range(0, 100).Select(i => Harbour($"round-{round}-{i}", i, town)).ToList());
            ShardStatus status;
            do
            {
                status = await copy.StatusAsync();
                statuses++;
                var searchable = seedParagraphs + (status.AppliedVersion - seedVersion);
                if (status.Paragraphs < searchable)
                    aheadOfSearches.Add($"applied {status.AppliedVersion} with {status.Paragraphs} paragraphs searchable of {searchable}");
            }
            while (status.AppliedVersion < last);
        }

        output.WriteLine($"{statuses} statuses asked");
        Assert.Empty(aheadOfSearches);
    }

    private static Article Harbour(string id, int boat, string town = "Brest") =>
        new(id, $"Boat {boat} back in {town}", [$"Fishing boat number {boat} returned to the harbour of {town} after the storm had passed."]);
}
