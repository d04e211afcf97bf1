using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Quotes;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SearchService.Core.Indexing;

/// <summary>
/// A new index being built in a generation folder of its own (<see cref="IndexLayout"/>) while the live one keeps
/// answering. Created and switched to by <see cref="SearchIndex"/>, which then owns its Lucene lifetimes. API writes made
/// while it is built reach it directly; they win over older versions of the same article from the corpus or the journal.
/// Until the switch nothing here touches the live index: a rebuild that fails or is disposed is deleted, nothing else.
/// </summary>
public sealed class IndexRebuild : IArticleWriter, IDisposable
{
    private readonly ConcurrentDictionary<string, byte> writtenDirectly = new(StringComparer.Ordinal);
    private readonly LuceneDirectory directory;
    private readonly IndexWriter writer;
    private readonly StatementIndex statements;
    private Exception? directWriteFailure;
    private bool handedOver;
    private bool switchedIn;
    private bool disposed;

    /// <summary>
    /// Takes ownership of <paramref name="directory"/> and <paramref name="statementDirectory"/> (its
    /// <see cref="StatementIndex"/>), whose folder <paramref name="path"/> it deletes unless switched in.
    /// </summary>
    internal IndexRebuild(
        string path, LuceneDirectory directory, LuceneDirectory statementDirectory, IndexWriterConfig config, long journalSnapshot, SearcherProvider statementSearchers)
    {
        Path = path;
        this.directory = directory;
        try
        {
            writer = new IndexWriter(directory, config);
        }
        catch
        {
            directory.Dispose();
            statementDirectory.Dispose();
            System.IO.Directory.Delete(path, recursive: true);
            throw;
        }
        try
        {
            statements = new StatementIndex(statementDirectory, config.Analyzer, statementSearchers);
        }
        catch
        {
            writer.Rollback();
            directory.Dispose();
            System.IO.Directory.Delete(path, recursive: true);
            throw;
        }
        JournalSnapshot = journalSnapshot;
        Journal = new JournalOffset(journalSnapshot);
    }

    public string Path { get; }

    /// <summary>Journal lines up to this length were written before the rebuild began: replay them into it.</summary>
    public long JournalSnapshot { get; }

    /// <summary>The journal this index holds: the snapshot replayed, then each API write made directly.</summary>
    internal JournalOffset Journal { get; }

    /// <summary>The corpus files this index holds.</summary>
    internal CorpusFileStamps FileStamps { get; } = new();

    public long ReplaceArticle(Article article, ArticleFacets facets, CorpusFile? file)
    {
        if (!writtenDirectly.ContainsKey(article.Id))
        {
            statements.Replace(article, facets, file);
            writer.UpdateDocuments(new Term(IndexSchema.ArticleId, article.Id), ParagraphDocuments.Build(article, facets, file));
        }
        return 0;
    }

    public long DeleteArticle(string articleId)
    {
        if (!writtenDirectly.ContainsKey(articleId))
        {
            statements.Delete(articleId);
            writer.DeleteDocuments(new Term(IndexSchema.ArticleId, articleId));
        }
        return 0;
    }

    public long DeleteFileArticles(string relativePath, string? keepStamp = null)
    {
        statements.Delete(SearchIndex.FileArticles(relativePath, keepStamp));
        writer.DeleteDocuments(SearchIndex.FileArticles(relativePath, keepStamp));
        return 0;
    }

    public void RecordFile(string relativePath, string stamp) => FileStamps.Record(relativePath, stamp);

    /// <summary>
    /// An API write made during the rebuild (journal line ending at <paramref name="journalEnd"/>): newer than anything
    /// the rebuild reads. Never throws: the live index has the write already, and a rebuild that could not take it is
    /// refused at the switch (<see cref="CommitForSwitch"/>) rather than failing the write.
    /// </summary>
    internal void ReplaceDirectly(Article article, ArticleFacets facets, long journalEnd) =>
        WriteDirectly(article.Id, journalEnd,
            () =>
            {
                statements.Replace(article, facets, null);
                writer.UpdateDocuments(new Term(IndexSchema.ArticleId, article.Id), ParagraphDocuments.Build(article, facets, null));
            });

    /// <inheritdoc cref="ReplaceDirectly"/>
    internal void DeleteDirectly(string articleId, long journalEnd) =>
        WriteDirectly(articleId, journalEnd, () =>
        {
            statements.Delete(articleId);
            writer.DeleteDocuments(new Term(IndexSchema.ArticleId, articleId));
        });

    private void WriteDirectly(string articleId, long journalEnd, Action write)
    {
        if (Volatile.Read(ref directWriteFailure) is not null)
            return;
        writtenDirectly[articleId] = 0;
        try
        {
            write();
            Journal.HoldUpTo(journalEnd);
        }
        catch (Exception e)
        {
            Volatile.Write(ref directWriteFailure, e);
        }
    }

    /// <summary>
    /// Writes everything indexed so far to disk before the switch, while writes still flow: the commit at the switch,
    /// which holds every write back, then has only what came in since. Not the switch: the pointer still names the old index.
    /// </summary>
    internal void FlushBeforeSwitch()
    {
        statements.Commit();
        writer.Commit();
    }

    /// <summary>Commits the index with <paramref name="commitData"/>, ready to be switched to; throws if an API write missed it.</summary>
    internal void CommitForSwitch(IDictionary<string, string> commitData)
    {
        if (Volatile.Read(ref directWriteFailure) is { } failure)
            throw new IOException("An API write made during the rebuild could not be written to the rebuilt index.", failure);
        statements.Commit();
        writer.SetCommitData(commitData);
        writer.Commit();
    }

    /// <summary>Opens the committed index for searching; the generation owns the Lucene lifetimes from here on.</summary>
    internal IndexGeneration OpenGeneration(long generationBase, SearcherFactory searcherFactory, TimeSpan backgroundRefresh)
    {
        handedOver = true;
        return new IndexGeneration(Path, directory, writer, statements, generationBase, searcherFactory, backgroundRefresh);
    }

    /// <summary>The index is live now: disposing the rebuild leaves its folder.</summary>
    internal void MarkSwitchedIn() => switchedIn = true;

    public void Dispose()
    {
        if (disposed)
            return;
        disposed = true;
        if (!handedOver)
        {
            statements.Close(keepChanges: false);
            writer.Rollback();
            directory.Dispose();
        }
        if (!switchedIn && System.IO.Directory.Exists(Path))
            System.IO.Directory.Delete(Path, recursive: true);
    }
}
