using Microsoft.Extensions.Options;
using SearchService.Api.Backends;
using SearchService.Cluster.Shards;
using SearchService.Cluster.Speakers;
using SearchService.Cluster.Storage;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;

namespace SearchService.Api.Cluster;

/// <summary>
/// Articles in cluster mode: read from and written to PostgreSQL, the system of record. A write is acknowledged once
/// PostgreSQL has committed it; the shards pick it up from there (<see cref="ShardGrain"/>). Facets are extracted here,
/// once, and stored with the article, so that no shard copy extracts them again; speakers are resolved with the
/// cluster's speaker identity table, which learns from the article first (<see cref="ClusterSpeakerIdentities"/>). PostgreSQL out of reach
/// refuses the write (503, naming the server and the cause) while searches keep answering from the shards.
/// A write is searchable everywhere once every copy of its articles' shards has applied its version
/// (<see cref="SearchableEverywhereAsync"/>).
/// </summary>
public sealed class ClusterArticleBackend(
    SiloArticleLog articleLog, ClusterSpeakerIdentities facets, IGrainFactory grains,
    IOptions<SearchClusterOptions> options, ILogger<ClusterArticleBackend> logger) : IArticleBackend
{
    /// <summary>Articles of a bulk body committed together.</summary>
    private const int BulkBatch = 500;

    private readonly ShardRouter router = new(options.Value.Shards);

    private readonly ShardedArticleLookup shards = new(GrainShardSource.All(grains, options.Value.Shards, options.Value.ShardCallTimeout, options.Value.Replicas));

    // Reads that meet PostgreSQL out of reach answer 503 naming it (ProblemExceptionHandler). The facets are those stored
    // with the article, which the shards index; a row written before the log stored them has them extracted as its
    // shards do (ShardChanges): through the cluster's speaker table, which has counted it already. Within a scoped key's
    // scope the article's shard reads it, as one index does, since only the shard can tell whether a paragraph passes
    // the scope's filters: such a key finds an article once it is searchable.
    public async Task<ArticleView?> FindAsync(string articleId, SearchScope? scope, CancellationToken cancellation)
    {
        if (scope is not null)
            return await shards.FindAsync(articleId, scope).WaitAsync(cancellation);
        return await (await articleLog.GetAsync()).ReadStoredAsync(articleId, cancellation) is { Article: { } article } stored
            ? View(article, stored.Facets ?? await facets.ExtractAsync(article, cancellation))
            : null;
    }

    public async Task<bool> ExistsAsync(string articleId, CancellationToken cancellation) =>
        await (await articleLog.GetAsync()).ReadAsync(articleId, cancellation) is not null;

    public async Task<AcknowledgedWrite> PutAsync(Article article, CancellationToken cancellation) =>
        new(await WriteAsync(async log => await log.PutAsync(article, await facets.ExtractAsync(article, cancellation), cancellation)),
            new HashSet<int> { router.ShardOf(article.Id) });

    public async Task<AcknowledgedWrite?> DeleteAsync(string articleId, CancellationToken cancellation) =>
        await WriteAsync(log => log.DeleteAsync(articleId, cancellation)) is { } version
            ? new AcknowledgedWrite(version, new HashSet<int> { router.ShardOf(articleId) })
            : null;

    public async Task<BulkWritten> BulkAsync(Stream body, Action<int, string> reportBadLine, CancellationToken cancellation)
    {
        var batch = new List<Article>(BulkBatch);
        var shards = new HashSet<int>();
        long version = 0;
        var result = await BulkBody.WriteAsync(body, async article =>
        {
            batch.Add(article);
            if (batch.Count == BulkBatch)
                await CommitAsync(cancellation);
        }, CommitAsync, reportBadLine, logger, cancellation);
        return new BulkWritten(result, new AcknowledgedWrite(version, shards));

        async Task CommitAsync(CancellationToken committing)
        {
            if (batch.Count == 0)
                return;
            version = await WriteAsync(async log => await log.PutManyAsync(await facets.ExtractAsync(batch, committing), committing));
            shards.UnionWith(batch.Select(article => router.ShardOf(article.Id)));
            batch.Clear();
        }
    }

    /// <summary>
    /// Asks every copy of the write's shards at once whether it has applied the write's version, each waiting for it up
    /// to <see cref="SearchClusterOptions.ShardCallTimeout"/>: a copy applies a write tens of milliseconds after it
    /// commits, and one on a node that died answers no sooner than Orleans places it again, if at all. An unassigned copy
    /// (fewer nodes than copies) does not count, as Elasticsearch waits for active copies only: a node that takes it
    /// builds it from the log, this write included.
    /// </summary>
    public async Task<bool> SearchableEverywhereAsync(AcknowledgedWrite written, CancellationToken cancellation)
    {
        var wait = options.Value.ShardCallTimeout;
        var copies = written.Shards.SelectMany(shard => Enumerable.Range(0, options.Value.Replicas).Select(copy => new ShardCopy(shard, copy)));
        var applied = await Task.WhenAll(copies.Select(async copy =>
        {
            try
            {
                return await GrainShardSource.AskAsync(grains, copy, grain => grain.HasAppliedAsync(written.Version, wait), wait).WaitAsync(cancellation);
            }
            catch (ShardUnavailableException e)
            {
                return ShardCopyUnassignedException.Caused(e);
            }
        }));
        return applied.All(done => done);
    }

    /// <summary>Runs a write on the article log; PostgreSQL out of reach is a write not acknowledged.</summary>
    private async Task<T> WriteAsync<T>(Func<PostgresArticleLog, Task<T>> call)
    {
        try
        {
            return await call(await articleLog.GetAsync());
        }
        catch (ArticleLogUnavailableException e)
        {
            throw new WriteRefusedException(e.Message, writesStopped: false, e);
        }
    }

    /// <summary>The article as a single index shows it (<see cref="ArticleLookup"/>): its facets as extracted for indexing.</summary>
    private static ArticleView View(Article article, ArticleFacets facets) => new(
        article.Id, article.Title, article.Date, article.Byline, article.Dateline, article.Source,
        article.Url, article.Section, article.Language, article.Fields,
        facets.Article.Region, facets.Article.Topic, facets.Article.Speaker,
        article.Paragraphs.Select((text, i) =>
        {
            var own = i < facets.Paragraphs.Count ? facets.Paragraphs[i] : ParagraphFacets.Empty;
            return new ArticleParagraph(Article.ParagraphId(article.Id, i + 1), i + 1, text,
                own.Region.Distinct(StringComparer.Ordinal).ToList(), own.Topic.Distinct(StringComparer.Ordinal).ToList(),
                own.Speaker.Distinct(StringComparer.Ordinal).ToList());
        }).ToList());
}
