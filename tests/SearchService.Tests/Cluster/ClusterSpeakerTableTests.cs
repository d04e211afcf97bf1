using System.Text.Json.Nodes;
using SearchService.Cluster.Storage;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// The cluster's speaker identity table in PostgreSQL (<see cref="PostgresSharedRow"/>): writers on two nodes
/// learn into one table without losing each other's evidence, and a node started again reads the table where it was.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ClusterSpeakerTableTests
{
    // The evidence a table counts: sums that add up the same in any order (Identities and Variants depend on the order
    // values were resolved in, which two concurrent writers do not fix).
    private static readonly string[] Evidence = ["PeopleBySurname", "PeopleByFirstName", "BodyWords", "TitledNames", "BodyNameStarts", "PeopleRoles", "ObservedArticles"];

    [PostgresReutersFact]
    public async Task Two_nodes_writing_at_once_both_teach_the_one_table()
    {
        var articles = ShardCluster.SeedAndReuters(400);
        await using var log = await TestArticleLog.CreateAsync();
        await using var first = new SpeakerTableNode(log.ConnectionString);
        await using var second = new SpeakerTableNode(log.ConnectionString);

        // Small batches, so that the two nodes' writes interleave many times.
        await Task.WhenAll(
            Task.Run(() => first.WriteAsync(articles.Where((_, i) => i % 2 == 0).ToList(), batch: 5)),
            Task.Run(() => second.WriteAsync(articles.Where((_, i) => i % 2 == 1).ToList(), batch: 5)));

        var (_, stored) = await new PostgresSharedRow(log.Log, PostgresSharedRow.SpeakerIdentitiesTable).ReadAsync(-1, CancellationToken.None);
        var learnt = new SpeakerIdentities(Facets.Facets.Extractor.SpeakerLexicon);
        var learning = Facets.Facets.Extractor.WithSpeakerIdentities(learnt);
        foreach (var article in articles)
            learning.LearnSpeakers(article);
        var expected = JsonNode.Parse(SpeakerTableNode.Saved(learnt))!;
        var actual = JsonNode.Parse(stored!)!;
        foreach (var part in Evidence)
            Assert.True(Normalised(expected[part]!) == Normalised(actual[part]!), $"{part} differs from one table's that learnt all {articles.Count} articles");
    }

    [PostgresReutersFact]
    public async Task A_node_started_again_reads_the_table_it_left_and_learns_on_as_one_table()
    {
        var articles = ShardCluster.SeedAndReuters(300);
        await using var log = await TestArticleLog.CreateAsync();
        long version;
        string before;
        await using (var node = new SpeakerTableNode(log.ConnectionString))
        {
            await node.WriteAsync(articles[..200], batch: 50);
            version = node.Speakers.Version;
            before = SpeakerTableNode.Saved(node.Speakers.Table!);
        }

        await using var again = new SpeakerTableNode(log.ConnectionString);
        Assert.True(await again.Speakers.ReachedAsync(version, TimeSpan.FromSeconds(30)), $"The node started again did not read version {version}");
        Assert.Equal(before, SpeakerTableNode.Saved(again.Speakers.Table!));
        await again.WriteAsync(articles[200..], batch: 50);

        // One table learning and resolving every article in order, as a single node's pass does.
        var single = new SpeakerIdentities(Facets.Facets.Extractor.SpeakerLexicon);
        var extractor = Facets.Facets.Extractor.WithSpeakerIdentities(single);
        foreach (var article in articles)
            extractor.Extract(article);
        Assert.Equal(SpeakerTableNode.Saved(single), SpeakerTableNode.Saved(again.Speakers.Table!));
    }

    // Objects with their keys in order, arrays of strings (sets) in order: what the evidence is, whatever the order it came in.
    private static string Normalised(JsonNode node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{Normalised(p.Value!)}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(v => Normalised(v!)).Order(StringComparer.Ordinal)) + "]",
        _ => node.ToJsonString(),
    };
}
