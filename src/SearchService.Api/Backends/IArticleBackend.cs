using SearchService.Core.Corpus;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Api.Backends;

/// <summary>
/// Where <c>/articles</c> reads and writes: this process's index and write journal (<see cref="LocalArticleBackend"/>)
/// or, in cluster mode, PostgreSQL (<c>Cluster/ClusterArticleBackend</c>). A write returns once it is acknowledged;
/// one that is not throws <see cref="WriteRefusedException"/>.
/// </summary>
public interface IArticleBackend
{
    /// <summary>The article as indexed, or null when there is none with this id.</summary>
    /// <param name="scope">A scoped key's scope: an article none of whose paragraphs is inside it is not found.</param>
    Task<ArticleView?> FindAsync(string articleId, SearchScope? scope, CancellationToken cancellation);

    Task<bool> ExistsAsync(string articleId, CancellationToken cancellation);

    /// <summary>Creates or replaces an article.</summary>
    Task PutAsync(Article article, CancellationToken cancellation);

    /// <summary>Deletes an article; false when there is none with this id.</summary>
    Task<bool> DeleteAsync(string articleId, CancellationToken cancellation);

    /// <inheritdoc cref="ArticleStore.BulkAsync"/>
    Task<BulkResult> BulkAsync(Stream body, Action<int, string> reportBadLine, CancellationToken cancellation);
}
