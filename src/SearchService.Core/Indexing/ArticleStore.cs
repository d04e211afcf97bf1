using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;

namespace SearchService.Core.Indexing;

/// <summary>
/// Articles written and deleted through the API: each write extracts the article's facets and goes through the
/// <see cref="JournalProtocol"/> (journal, index, fsync, searchable), which says what an acknowledged write promises.
/// A journal that cannot be made durable or a write the index could not apply stops all writes until a restart.
/// </summary>
public sealed class ArticleStore(SearchIndex index, JournalProtocol journal, IFacetExtractor extractor, ILogger<ArticleStore> logger)
{
    /// <summary>
    /// Why writes are refused until a restart (the journal could not be made durable or applied, or a commit of the
    /// index failed), or null while they are taken.
    /// </summary>
    public string? WritesStoppedBecause =>
        journal.WritesStoppedBecause ?? (index.WritesStopped ? "a commit of the index failed" : null);

    /// <summary>Creates or replaces an article; returns once it is durable and searchable.</summary>
    public async Task PutAsync(Article article, CancellationToken cancellation = default)
    {
        var write = journal.Write(JournalEntry.Put(article), extractor.Extract(article));
        await journal.AcknowledgeAsync(write, cancellation);
    }

    /// <summary>Deletes an article; false when no such article is indexed.</summary>
    public async Task<bool> DeleteAsync(string articleId, CancellationToken cancellation = default)
    {
        journal.ThrowIfWritesStopped();
        if (!Exists(articleId))
            return false;
        await journal.AcknowledgeAsync(journal.Write(JournalEntry.Delete(articleId), null), cancellation);
        return true;
    }

    /// <summary>
    /// Writes every valid article of a JSON-lines stream, read line by line so its size does not matter; bad lines
    /// are reported and skipped. Returns once all written articles are durable and searchable. A body that cannot be
    /// read to its end leaves the lines before the cut applied and durable, and throws <see cref="BulkCutOffException"/>
    /// saying how far it got.
    /// </summary>
    public async Task<BulkResult> BulkAsync(Stream body, Action<int, string> reportBadLine, CancellationToken cancellation = default)
    {
        journal.ThrowIfWritesStopped();
        JournaledWrite last = default;
        return await BulkBody.WriteAsync(body, article =>
        {
            last = journal.Write(JournalEntry.Put(article), extractor.Extract(article));
            return ValueTask.CompletedTask;
        }, acknowledging => journal.AcknowledgeAsync(last, acknowledging), reportBadLine, logger, cancellation);
    }

    /// <summary>Whether an article with this id is searchable now.</summary>
    public bool Exists(string articleId) =>
        index.Search(searcher => searcher.Search(new TermQuery(new Term(IndexSchema.ArticleId, articleId)), 1).TotalHits > 0);
}
