using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Store;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SearchService.Core.Indexing;

/// <summary>
/// A new index being built beside the live one (in <c>{index}.rebuild</c>) while the live one keeps answering.
/// Created and swapped in by <see cref="SearchIndex"/>, which owns its Lucene lifetimes. API writes made while it
/// is built reach it directly; they win over older versions of the same article from the corpus or the journal.
/// </summary>
public sealed class IndexRebuild : IArticleWriter, IDisposable
{
    private readonly ConcurrentDictionary<string, byte> writtenDirectly = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> fileStamps = new(StringComparer.Ordinal);

    internal IndexRebuild(string path, IndexWriterConfig config, long journalSnapshot)
    {
        Path = path;
        if (System.IO.Directory.Exists(path))
            System.IO.Directory.Delete(path, recursive: true);
        System.IO.Directory.CreateDirectory(path);
        Directory = FSDirectory.Open(path);
        Writer = new IndexWriter(Directory, config);
        JournalSnapshot = journalSnapshot;
    }

    public string Path { get; }

    /// <summary>Journal lines up to this length were written before the rebuild began: replay them into it.</summary>
    public long JournalSnapshot { get; }

    internal LuceneDirectory Directory { get; }

    internal IndexWriter Writer { get; }

    internal IReadOnlyDictionary<string, string> FileStamps => fileStamps;

    private bool closed;
    private bool disposed;

    /// <summary>Commits and closes the new index, so it can be copied into the live one.</summary>
    internal void Close()
    {
        Writer.Commit();
        Writer.Dispose();
        closed = true;
    }

    public long ReplaceArticle(Article article, ArticleFacets facets, CorpusFile? file)
    {
        if (!writtenDirectly.ContainsKey(article.Id))
            Writer.UpdateDocuments(new Term(IndexSchema.ArticleId, article.Id), ParagraphDocuments.Build(article, facets, file));
        return 0;
    }

    public long DeleteArticle(string articleId)
    {
        if (!writtenDirectly.ContainsKey(articleId))
            Writer.DeleteDocuments(new Term(IndexSchema.ArticleId, articleId));
        return 0;
    }

    public long DeleteFileArticles(string relativePath, string? keepStamp = null)
    {
        Writer.DeleteDocuments(SearchIndex.FileArticles(relativePath, keepStamp));
        return 0;
    }

    public void RecordFile(string relativePath, string stamp) => fileStamps[relativePath] = stamp;

    /// <summary>An API write made during the rebuild: newer than anything the rebuild reads.</summary>
    internal void ReplaceDirectly(Article article, ArticleFacets facets)
    {
        writtenDirectly[article.Id] = 0;
        Writer.UpdateDocuments(new Term(IndexSchema.ArticleId, article.Id), ParagraphDocuments.Build(article, facets, null));
    }

    internal void DeleteDirectly(string articleId)
    {
        writtenDirectly[articleId] = 0;
        Writer.DeleteDocuments(new Term(IndexSchema.ArticleId, articleId));
    }

    public void Dispose()
    {
        if (disposed)
            return;
        disposed = true;
        if (!closed)
            Writer.Rollback();
        Directory.Dispose();
        if (System.IO.Directory.Exists(Path))
            System.IO.Directory.Delete(Path, recursive: true);
    }
}
