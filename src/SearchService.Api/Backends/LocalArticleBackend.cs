using SearchService.Core.Corpus;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Api.Backends;

/// <summary>Articles in this process's index, written through its journal: the single-process service.</summary>
public sealed class LocalArticleBackend(ArticleLookup lookup, ArticleStore store) : IArticleBackend
{
    public Task<ArticleView?> FindAsync(string articleId, SearchScope? scope, CancellationToken cancellation) =>
        Task.FromResult(lookup.Find(articleId, scope));

    public Task<bool> ExistsAsync(string articleId, CancellationToken cancellation) => Task.FromResult(store.Exists(articleId));

    public Task PutAsync(Article article, CancellationToken cancellation) => store.PutAsync(article, cancellation);

    public Task<bool> DeleteAsync(string articleId, CancellationToken cancellation) => store.DeleteAsync(articleId, cancellation);

    public Task<BulkResult> BulkAsync(Stream body, Action<int, string> reportBadLine, CancellationToken cancellation) =>
        store.BulkAsync(body, reportBadLine, cancellation);
}
