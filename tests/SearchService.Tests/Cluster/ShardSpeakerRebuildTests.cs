using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Where the shard copies extract speakers themselves, with the cluster's identity table: a rebuild resolves every
/// article again as a single node's rebuild does, and an article stored without facets is resolved as a writer would.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ShardSpeakerRebuildTests(SpeakerShardCluster fixture) : IClassFixture<SpeakerShardCluster>
{
    private const int Names = 3;

    [PostgresReutersFact]
    public async Task A_rebuild_resolves_early_short_forms_again_as_a_single_node_s_rebuild_does()
    {
        var names = fixture.Single.ShortAndFullNames();
        Assert.True(names.Count >= Names, $"{names.Count} speakers indexed under a short form and a full name: fewer than {Names}");
        var spread = Enumerable.Range(0, Names).Select(i => names[i * names.Count / Names]).ToList();
        var rebuilt = new ParagraphSearcher(fixture.Single.Rebuilt);
        var everySpeaker = new SearchRequest(null, FacetSize: 100_000);
        var before = new ParagraphSearcher(fixture.Single.Index).Search(everySpeaker).Facets.Speaker;
        Assert.False(before.SequenceEqual(rebuilt.Search(everySpeaker).Facets.Speaker), "The single node's rebuild resolved no short form again: the test shows nothing");

        Assert.All(await fixture.Cluster.RebuildAllAsync(), Assert.True);
        await WaitUntilRebuiltAsync();

        var differences = await fixture.SpeakerDifferencesAsync(fixture.Single.Rebuilt, spread);
        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n{string.Join('\n', differences.Take(20))}");
    }

    /// <remarks>A copy built from the log after the rebuild (a node added, a folder lost) indexes what is stored.</remarks>
    [PostgresReutersFact]
    public async Task A_rebuild_stores_the_speakers_it_resolved_again_with_the_articles()
    {
        Assert.All(await fixture.Cluster.RebuildAllAsync(), Assert.True);
        await WaitUntilRebuiltAsync();
        var resolving = Facets.Facets.Extractor.WithSpeakerIdentities(TableCopy());

        var stored = (await fixture.Cluster.Log.ReadChangesAsync(0, int.MaxValue)).Where(c => c.Article is not null).ToDictionary(c => c.Id);
        var differing = fixture.Single.Articles
            .Where(a => !resolving.Extract(a).Paragraphs.Select(p => p.Speaker).SequenceEqual(stored[a.Id].Facets!.Paragraphs.Select(p => p.Speaker), SameValues.Instance))
            .Select(a => a.Id).ToList();
        Assert.True(differing.Count == 0, $"{differing.Count} articles stored with other speakers than the rebuild resolved: {string.Join(", ", differing.Take(10))}");
    }

    /// <remarks>
    /// The article is written with facets, then written again at a new version without them, as a service from before
    /// the log kept facets wrote its rows. It names a speaker by the surname alone, which only the table resolves.
    /// </remarks>
    [PostgresReutersFact]
    public async Task An_article_stored_without_facets_has_its_speakers_resolved_with_the_cluster_s_table()
    {
        var word = $"facetless{Guid.NewGuid():N}"[..24];
        var (article, @short, full) = fixture.Single.ShortAndFullNames().Where(n => !n.Short.Contains(' '))
            .Select(n => (Article: Probe(word, n.Short), n.Short, n.Full))
            .First(n => ResolvedWithTheTable(n.Article).Contains(n.Full));
        Assert.Contains(@short, Facets.Facets.Extractor.Extract(article).Article.Speaker);
        await fixture.Cluster.Log.PutAsync(article);
        await fixture.Cluster.ExecuteAsync(
            "WITH next AS (UPDATE article_version_counter SET last_version = last_version + 1 RETURNING last_version) " +
            $"UPDATE articles SET version = next.last_version, facets = NULL FROM next WHERE id = '{article.Id}'");
        try
        {
            await fixture.Cluster.WaitUntilAppliedAsync(await fixture.Cluster.Log.CurrentVersionAsync(), TimeSpan.FromMinutes(1));

            var found = await fixture.Cluster.NewSearcher().SearchAsync(new SearchRequest(word));

            Assert.Equal(1, found.Total);
            Assert.Equal([full], found.Facets.Speaker.Select(v => v.Value));
        }
        finally
        {
            await fixture.Cluster.Log.DeleteAsync(article.Id);
        }
    }

    private async Task WaitUntilRebuiltAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await fixture.Cluster.StatusesAsync()).Any(s => s.Rebuilding))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "The copies did not finish rebuilding within 3 minutes");
            await Task.Delay(100);
        }
    }

    private static Article Probe(string word, string speaker) =>
        new($"facetless-{word}", "Dollar steady", [$"The dollar was steady on Monday in {word} trading, {speaker} said in a statement."]);

    // The article's speakers as the single node's table, which learnt the same articles in the same order as the
    // cluster's, resolves them (on a copy of it, which the article teaches).
    private IReadOnlyList<string> ResolvedWithTheTable(Article article) =>
        Facets.Facets.Extractor.WithSpeakerIdentities(TableCopy()).Extract(article).Article.Speaker;

    private SpeakerIdentities TableCopy()
    {
        using var saved = new MemoryStream();
        fixture.Single.Table.Save(saved);
        saved.Position = 0;
        return SpeakerIdentities.Load(saved, Facets.Facets.Extractor.SpeakerLexicon);
    }

    /// <summary>Two paragraphs' speaker values, in order.</summary>
    private sealed class SameValues : IEqualityComparer<IReadOnlyList<string>>
    {
        public static readonly SameValues Instance = new();

        public bool Equals(IReadOnlyList<string>? x, IReadOnlyList<string>? y) => x!.SequenceEqual(y!, StringComparer.Ordinal);

        public int GetHashCode(IReadOnlyList<string> values) => values.Count;
    }
}
