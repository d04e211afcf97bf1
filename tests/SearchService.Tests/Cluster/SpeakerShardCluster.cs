using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;
using SearchService.Cluster.Corpus;
using SearchService.Cluster.Speakers;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Shard grains on two silos holding Reuters articles written through the cluster's corpus writer (speakers resolved
/// with the cluster's identity table, kept in PostgreSQL), and one index of the same articles extracted article by
/// article with one table, as a single node with <c>Search:SpeakerIdentities</c> on learns them.
/// </summary>
public sealed class SpeakerShardCluster : IAsyncLifetime
{
    public const int Articles = 1_000;
    public const int Shards = 3;
    public const int Replicas = 2;

    private readonly TempDirectory corpus = new();
    private readonly TestIndex single = new();

    public ShardCluster Cluster { get; private set; } = null!;

    /// <summary>The single node's index, searching with <see cref="Table"/>.</summary>
    public SearchIndex Single => single.Index;

    /// <summary>The single node's table.</summary>
    public SpeakerIdentities Table { get; } = new(Facets.Facets.Extractor.SpeakerLexicon);

    /// <summary>The cluster's table as a silo holds it.</summary>
    public static ClusterSpeakerIdentities SiloTable(SiloHandle silo) =>
        ((InProcessSiloHandle)silo).SiloHost.Services.GetRequiredService<ClusterSpeakerIdentities>();

    public async Task InitializeAsync()
    {
        if (new PostgresReutersFactAttribute().Skip is not null)
            return; // the tests are skipped, saying why
        var path = Path.Combine(corpus.Path, "reuters.jsonl");
        ReutersCorpus.CopyStart(path, Articles);
        List<Article> articles;
        await using (var file = File.OpenRead(path))
            articles = JsonlArticleReader.Read(file, path, _ => { }).ToList();
        Cluster = await ShardCluster.StartAsync(silos: 2, Shards, Replicas);
        var writer = SiloTable(Cluster.Cluster.Primary!);
        await new CorpusLogWriter(Cluster.Log, writer, NullLogger<CorpusLogWriter>.Instance).SynchronizeAsync(new CorpusFolder(corpus.Path), CancellationToken.None);
        await Cluster.WaitUntilAppliedAsync(await Cluster.Log.CurrentVersionAsync(), TimeSpan.FromMinutes(3));
        foreach (var silo in Cluster.Cluster.Silos)
            Assert.True(await SiloTable(silo).ReachedAsync(writer.Version, TimeSpan.FromMinutes(1)), $"{silo.SiloAddress} did not read the table's version {writer.Version}");

        var extractor = Facets.Facets.Extractor.WithSpeakerIdentities(Table);
        foreach (var article in articles)
            single.Index.ReplaceArticle(article, extractor.Extract(article), null);
        single.Index.SpeakerIdentities.Attach(Table);
        Assert.True(single.Index.WaitUntilSearchable(TestIndex.SearchableWithin));
    }

    /// <summary>
    /// Speakers the single node indexes under a short form and under the full name it later learnt, as (short form, full
    /// name): "Volcker" before "Paul Volcker" was seen.
    /// </summary>
    public IReadOnlyList<(string Short, string Full)> ShortAndFullNames()
    {
        var values = new ParagraphSearcher(Single).Search(new SearchRequest(null, FacetSize: 100_000)).Facets.Speaker
            .Select(v => v.Value).ToHashSet(StringComparer.Ordinal);
        return values.Select(full => (Full: full, Variants: Table.FilterValues(full).Where(v => v != full && values.Contains(v)).ToList()))
            .Where(f => f.Variants.Count > 0 && Table.Find(f.Full)?.Name == f.Full)
            .Select(f => (f.Variants[0], f.Full)).OrderBy(f => f.Full, StringComparer.Ordinal).ToList();
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
            await Cluster.DisposeAsync();
        single.Dispose();
        corpus.Dispose();
    }
}
