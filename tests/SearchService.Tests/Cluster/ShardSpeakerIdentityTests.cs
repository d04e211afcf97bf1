using System.Text.Json;
using SearchService.Cluster.Shards;
using SearchService.Core.Quotes;
using SearchService.Core.Sharding;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Speaker identities in cluster mode: articles written through the cluster's writer, with its one table in PostgreSQL,
/// are counted, filtered and profiled through the shard grains as one index with one table does, on names whose short
/// form ("Volcker") was indexed before the full name ("Paul Volcker") was learnt.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ShardSpeakerIdentityTests(SpeakerShardCluster fixture) : IClassFixture<SpeakerShardCluster>
{
    private const int Names = 3;

    [PostgresReutersFact]
    public async Task Speaker_counts_and_filters_through_the_shards_are_the_single_node_s_with_identities()
    {
        var differences = await fixture.SpeakerDifferencesAsync(fixture.Single.Index, ShortAndFull());
        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n{string.Join('\n', differences.Take(20))}");
    }

    [PostgresReutersFact]
    public async Task Speaker_profiles_through_the_shards_give_the_single_node_s_kind_variants_and_roles()
    {
        var profiles = new SpeakerProfiles(fixture.Single.Index, new QuoteSearcher(fixture.Single.Index));
        // As ClusterSetup makes a node's: the silo's table.
        var quotes = new ShardedQuoteSearcher(
            GrainStatementShard.All(fixture.Cluster.Cluster.Client, SpeakerShardCluster.Shards, SpeakerShardCluster.Replicas, TimeSpan.FromSeconds(30)),
            SpeakerShardCluster.SiloTable(fixture.Cluster.Cluster.SecondarySilos[0]).Table);
        foreach (var name in ShortAndFull().SelectMany(n => new[] { n.Short, n.Full }))
        {
            var expected = profiles.Find(name);
            Assert.True(expected is { Variants.Count: > 0 }, $"The single node's profile of {name} has no variants: it shows nothing");
            Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(await quotes.FindSpeakerAsync(name)));
        }
    }

    private IReadOnlyList<(string Short, string Full)> ShortAndFull()
    {
        var names = fixture.Single.ShortAndFullNames();
        Assert.True(names.Count >= Names, $"{names.Count} speakers indexed under a short form and a full name: fewer than {Names}");
        Console.WriteLine($"{names.Count} speakers indexed under a short form and a full name: {string.Join(", ", names.Select(n => $"{n.Short} / {n.Full}"))}");
        // Spread over the list, not the first in alphabetical order only.
        return Enumerable.Range(0, Names).Select(i => names[i * names.Count / Names]).ToList();
    }
}
