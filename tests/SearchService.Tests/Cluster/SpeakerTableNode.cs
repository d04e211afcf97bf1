using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchService.Cluster.Shards;
using SearchService.Cluster.Speakers;
using SearchService.Cluster.Storage;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;

namespace SearchService.Tests.Cluster;

/// <summary>
/// A node's side of the cluster's speaker identity table as a node holds it (<see cref="ClusterSpeakerIdentities"/> over
/// a connection pool of its own), without a silo: what the node's writers and searches use of it.
/// </summary>
public sealed class SpeakerTableNode : IAsyncDisposable
{
    private readonly SiloArticleLog log;

    public SpeakerTableNode(string connectionString)
    {
        log = new SiloArticleLog(new ArticleLogOptions(connectionString));
        Speakers = new ClusterSpeakerIdentities(log, Facets.Facets.Extractor, Options.Create(new ShardGrainOptions()), NullLogger<ClusterSpeakerIdentities>.Instance);
    }

    public ClusterSpeakerIdentities Speakers { get; }

    /// <summary>Writes <paramref name="articles"/> through the node's writer path, <paramref name="batch"/> a transaction, as the API's bulk writes do.</summary>
    public async Task WriteAsync(IReadOnlyList<Article> articles, int batch)
    {
        var put = await log.GetAsync();
        foreach (var chunk in articles.Chunk(batch))
            await put.PutManyAsync(await Speakers.ExtractAsync(chunk, CancellationToken.None));
    }

    /// <summary>The table as <see cref="SpeakerIdentities.Save"/> writes it: the single node's file.</summary>
    public static string Saved(SpeakerIdentities table)
    {
        using var output = new MemoryStream();
        table.Save(output);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        await Speakers.DisposeAsync();
        await log.DisposeAsync();
    }
}
