using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;
using SearchService.Cluster.Corpus;
using SearchService.Cluster.Shards;
using SearchService.Cluster.Speakers;
using SearchService.Core.Corpus;
using SearchService.Core.Indexing;
using SearchService.Core.Quotes;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using SearchService.Tests.Sharding;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Shard grains on two silos holding Reuters articles written through the cluster's corpus writer (speakers resolved
/// with the cluster's identity table, kept in PostgreSQL), and the single node's index of the same articles
/// (<see cref="SpeakerReference"/>).
/// </summary>
public sealed class SpeakerShardCluster : IAsyncLifetime
{
    public const int Articles = 1_000;
    public const int Shards = 3;
    public const int Replicas = 2;

    private readonly TempDirectory corpus = new();
    private SpeakerReference? reference;

    public ShardCluster Cluster { get; private set; } = null!;

    /// <summary>The single node: one index of the same articles, learnt one by one with one table.</summary>
    public SpeakerReference Single => reference!;

    /// <summary>The cluster's table as a silo holds it.</summary>
    public static ClusterSpeakerIdentities SiloTable(SiloHandle silo) =>
        ((InProcessSiloHandle)silo).SiloHost.Services.GetRequiredService<ClusterSpeakerIdentities>();

    /// <summary>
    /// How the shards' answers differ from <paramref name="expected"/>'s (one index with one table): every speaker's
    /// count, a filter on each name's short form and on its full name (by article), and <c>/quotes</c> on the short form.
    /// </summary>
    public async Task<IReadOnlyList<string>> SpeakerDifferencesAsync(SearchIndex expected, IEnumerable<(string Short, string Full)> names)
    {
        var searches = new List<(string Label, SearchRequest Request)> { ("every speaker counted", new SearchRequest(null, FacetSize: 100_000)) };
        var quoted = new List<QuoteRequest>();
        foreach (var (@short, full) in names)
        {
            searches.Add(($"speaker={@short}", new SearchRequest(null, Speaker: [@short], PageSize: 50)));
            searches.Add(($"speaker={full}&collapse=article", new SearchRequest(null, Speaker: [full], PageSize: 50, Unit: ResultUnit.Article)));
            quoted.Add(new QuoteRequest(Speaker: [@short], PageSize: 50));
        }
        var (oneIndex, oneQuotes, shards) = (new ParagraphSearcher(expected), new QuoteSearcher(expected), Cluster.NewSearcher());
        var quotes = new ShardedQuoteSearcher(GrainStatementShard.All(Cluster.Cluster.Client, Shards, Replicas, TimeSpan.FromSeconds(30)));
        var differences = new List<string>();
        foreach (var (label, request) in searches)
            differences.AddRange(AnswerDifferences.Of(label, oneIndex.Search(request), await shards.SearchAsync(request)));
        foreach (var request in quoted)
            differences.AddRange(QuoteRequests.Differences(QuoteRequests.Url(request), oneQuotes.Search(request), await quotes.SearchAsync(request)));
        return differences;
    }

    public async Task InitializeAsync()
    {
        if (new PostgresReutersFactAttribute().Skip is not null)
            return; // the tests are skipped, saying why
        var path = Path.Combine(corpus.Path, "reuters.jsonl");
        ReutersCorpus.CopyStart(path, Articles);
        reference = new SpeakerReference(path);
        Cluster = await ShardCluster.StartAsync(silos: 2, Shards, Replicas);
        var writer = SiloTable(Cluster.Cluster.Primary!);
        await new CorpusLogWriter(Cluster.Log, writer, NullLogger<CorpusLogWriter>.Instance).SynchronizeAsync(new CorpusFolder(corpus.Path), CancellationToken.None);
        await Cluster.WaitUntilAppliedAsync(await Cluster.Log.CurrentVersionAsync(), TimeSpan.FromMinutes(3));
        foreach (var silo in Cluster.Cluster.Silos)
            Assert.True(await SiloTable(silo).ReachedAsync(writer.Version, TimeSpan.FromMinutes(1)), $"{silo.SiloAddress} did not read the table's version {writer.Version}");
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
            await Cluster.DisposeAsync();
        reference?.Dispose();
        corpus.Dispose();
    }
}
