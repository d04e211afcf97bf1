using SearchService.Core.Corpus;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Api.Backends;

/// <summary>
/// Where <c>/articles</c> reads and writes: this process's index and write journal (<see cref="LocalArticleBackend"/>)
/// or, in cluster mode, PostgreSQL (<c>Cluster/ClusterArticleBackend</c>). A write returns once it is acknowledged;
/// one that is not throws <see cref="WriteRefusedException"/>. A write acknowledged is searchable through this node at
/// once on a single node; in cluster mode its shard copies apply it moments later, and
/// <see cref="SearchableEverywhereAsync"/> waits for them (<c>refresh=wait_for</c>).
/// </summary>
public interface IArticleBackend
{
    /// <summary>The article as indexed, or null when there is none with this id.</summary>
    /// <param name="scope">A scoped key's scope: an article none of whose paragraphs is inside it is not found.</param>
    Task<ArticleView?> FindAsync(string articleId, SearchScope? scope, CancellationToken cancellation);

    Task<bool> ExistsAsync(string articleId, CancellationToken cancellation);

    /// <summary>Creates or replaces an article.</summary>
    Task<AcknowledgedWrite> PutAsync(Article article, CancellationToken cancellation);

    /// <summary>Deletes an article; null when there is none with this id.</summary>
    Task<AcknowledgedWrite?> DeleteAsync(string articleId, CancellationToken cancellation);

    /// <inheritdoc cref="ArticleStore.BulkAsync"/>
    Task<BulkWritten> BulkAsync(Stream body, Action<int, string> reportBadLine, CancellationToken cancellation);

    /// <summary>
    /// Whether every search, through any node, now finds <paramref name="written"/>: waits, bounded, until every copy of
    /// its shards has applied it; false when one has not (or did not answer) by then. The write stays acknowledged.
    /// </summary>
    Task<bool> SearchableEverywhereAsync(AcknowledgedWrite written, CancellationToken cancellation);
}
