using SearchService.Api.Backends;
using SearchService.Cluster.Shards;
using SearchService.Cluster.Speakers;
using SearchService.Cluster.Storage;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Api.Cluster;

/// <summary>
/// Articles in cluster mode: read from and written to PostgreSQL, the system of record. A write is acknowledged once
/// PostgreSQL has committed it; the shards pick it up from there (<see cref="ShardGrain"/>). Facets are extracted here,
/// once, and stored with the article, so that no shard copy extracts them again; speakers are resolved with the
/// cluster's speaker identity table, which learns from the article first (<see cref="ClusterSpeakerIdentities"/>). PostgreSQL out of reach
/// refuses the write (503, naming the server and the cause) while searches keep answering from the shards.
/// </summary>
public sealed class ClusterArticleBackend(
    SiloArticleLog articleLog, IFacetExtractor extractor, ClusterSpeakerIdentities facets, ILogger<ClusterArticleBackend> logger) : IArticleBackend
{
    /// <summary>Articles of a bulk body committed together.</summary>
    private const int BulkBatch = 500;

    // Reads that meet PostgreSQL out of reach answer 503 naming it (ProblemExceptionHandler). The shards cannot yet tell
    // whether an article is inside a scoped key's scope, so such a key finds none rather than one outside it. The facets
    // are those stored with the article, which the shards index; a row written before the log stored them has them
    // extracted, as its shards do.
    public async Task<ArticleView?> FindAsync(string articleId, SearchScope? scope, CancellationToken cancellation) =>
        scope is null && await (await articleLog.GetAsync()).ReadStoredAsync(articleId, cancellation) is { Article: { } article } stored
            ? View(article, stored.Facets ?? extractor.Extract(article))
            : null;

    public async Task<bool> ExistsAsync(string articleId, CancellationToken cancellation) =>
        await (await articleLog.GetAsync()).ReadAsync(articleId, cancellation) is not null;

    public Task PutAsync(Article article, CancellationToken cancellation) =>
        WriteAsync(async log => await log.PutAsync(article, await facets.ExtractAsync(article, cancellation), cancellation));

    public async Task<bool> DeleteAsync(string articleId, CancellationToken cancellation) =>
        await WriteAsync(log => log.DeleteAsync(articleId, cancellation)) is not null;

    public Task<BulkResult> BulkAsync(Stream body, Action<int, string> reportBadLine, CancellationToken cancellation)
    {
        var batch = new List<Article>(BulkBatch);
        return BulkBody.WriteAsync(body, async article =>
        {
            batch.Add(article);
            if (batch.Count == BulkBatch)
                await CommitAsync(cancellation);
        }, CommitAsync, reportBadLine, logger, cancellation);

        async Task CommitAsync(CancellationToken committing)
        {
            if (batch.Count == 0)
                return;
            await WriteAsync(async log => await log.PutManyAsync(await facets.ExtractAsync(batch, committing), committing));
            batch.Clear();
        }
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
