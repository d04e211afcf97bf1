using SearchService.Cluster.Shards;
using SearchService.Core.Indexing;
using SearchService.Core.Quotes;
using SearchService.Core.Sharding;
using SearchService.Tests.Sharding;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Statements through the shard grains (<see cref="GrainStatementShard"/>) when a silo holding copies dies: each search
/// still answers, and as one index does, from the other copy of every shard it meets on the dead silo.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ShardQuoteFailoverTests
{
    private const int Shards = 4;
    private const int Replicas = 2;

    [PostgresReutersFact]
    public async Task Quote_searches_right_after_a_silo_dies_answer_from_the_other_copies_as_one_index_does()
    {
        var articles = ShardCluster.SeedAndReuters(300);
        await using var cluster = await ShardCluster.StartAsync(silos: 3, Shards, Replicas);
        await cluster.WaitUntilAppliedAsync(await cluster.Log.PutManyAsync(articles));
        using var single = new ShardedIndexes(1, articles);
        var oneIndex = new QuoteSearcher(single.SingleIndex);
        var speaker = oneIndex.Search(new QuoteRequest()).Facets[IndexSchema.Speaker][0].Value;
        QuoteRequest[] requests = [new(), new(Query: "prices"), new(Speaker: [speaker])];
        // A short call timeout: a copy on the dead silo is given up after a second, not Orleans' 30 s.
        var quotes = new ShardedQuoteSearcher(GrainStatementShard.All(cluster.Cluster.Client, Shards, Replicas, TimeSpan.FromSeconds(1)));
        var victim = await cluster.BusiestSecondaryAsync();

        await cluster.Cluster.KillSiloAsync(victim);

        // Searches start on each copy in turn: two rounds meet the dead silo's copies whichever copy numbers it held.
        var differences = new List<string>();
        foreach (var request in requests.Concat(requests))
        {
            var expected = oneIndex.Search(request);
            Assert.True(expected.Total > 0, $"{QuoteRequests.Url(request)} finds nothing: it shows nothing");
            differences.AddRange(QuoteRequests.Differences(QuoteRequests.Url(request), expected, await quotes.SearchAsync(request)));
        }
        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n{string.Join('\n', differences.Take(20))}");
    }
}
