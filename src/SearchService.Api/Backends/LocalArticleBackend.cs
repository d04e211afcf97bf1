using SearchService.Core.Corpus;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Api.Backends;

/// <summary>
/// Articles in this process's index, written through its journal: the single-process service. A write is acknowledged
/// once it is searchable (<see cref="JournalProtocol.AcknowledgeAsync"/>), so there is nothing more to wait for.
/// </summary>
public sealed class LocalArticleBackend(ArticleLookup lookup, ArticleStore store) : IArticleBackend
{
    public Task<ArticleView?> FindAsync(string articleId, SearchScope? scope, CancellationToken cancellation) =>
        Task.FromResult(lookup.Find(articleId, scope));

    public Task<bool> ExistsAsync(string articleId, CancellationToken cancellation) => Task.FromResult(store.Exists(articleId));

    public async Task<AcknowledgedWrite> PutAsync(Article article, CancellationToken cancellation)
    {
        await store.PutAsync(article, cancellation);
        return AcknowledgedWrite.Searchable;
    }

    public async Task<AcknowledgedWrite?> DeleteAsync(string articleId, CancellationToken cancellation) =>
        await store.DeleteAsync(articleId, cancellation) ? AcknowledgedWrite.Searchable : null;

    public async Task<BulkWritten> BulkAsync(Stream body, Action<int, string> reportBadLine, CancellationToken cancellation) =>
        new(await store.BulkAsync(body, reportBadLine, cancellation), AcknowledgedWrite.Searchable);

    public Task<bool> SearchableEverywhereAsync(AcknowledgedWrite written, CancellationToken cancellation) => Task.FromResult(true);
}
