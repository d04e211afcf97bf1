using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SearchService.Core.Quotes;

/// <summary>
/// The statements of the articles of one paragraph index, in a Lucene index of their own beside it (the
/// <see cref="FolderName"/> subfolder of its folder): one writer, readers through a <see cref="SearcherManager"/>.
/// A sibling rather than documents among the paragraphs, so that nothing the paragraph searches count or rank
/// (documents, field statistics, the article blocks) changes. Its paragraph index owns it: every write to an article
/// there is made here first (a replaced article's statements are replaced, a deleted one's deleted), it is committed
/// before each commit there, refreshed as each new reader opens there (<see cref="StatementRefresh"/>), and lives and dies with it (<see cref="IndexGeneration"/>,
/// <see cref="IndexRebuild"/>).
/// </summary>
public sealed class StatementIndex
{
    public const string FolderName = "statements";

    private readonly LuceneDirectory directory;
    private readonly IndexWriter writer;

    /// <summary>Takes ownership of <paramref name="directory"/>, also when it throws.</summary>
    /// <param name="searchers">Makes its searchers: its paragraph index's kind (<see cref="SearcherProvider.WithoutWarmers"/>), so a statement search has the same time budget.</param>
    public StatementIndex(LuceneDirectory directory, Analyzer analyzer, SearcherProvider searchers)
    {
        this.directory = directory;
        try
        {
            writer = new IndexWriter(directory, new IndexWriterConfig(IndexSchema.Version, analyzer)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                Similarity = SearcherProvider.Ranking,
            });
        }
        catch
        {
            directory.Dispose();
            throw;
        }
        try
        {
            Searchers = new SearcherManager(writer, applyAllDeletes: true, searchers);
        }
        catch
        {
            writer.Rollback();
            directory.Dispose();
            throw;
        }
    }

    public SearcherManager Searchers { get; }

    /// <summary>The writer's RAM buffer, which its paragraph index raises for a bulk pass as it raises its own.</summary>
    public double RamBufferSizeMB
    {
        get => writer.Config.RAMBufferSizeMB;
        set => writer.Config.RAMBufferSizeMB = value;
    }

    /// <summary>Replaces the article's statements with those of <paramref name="facets"/>.</summary>
    public void Replace(Article article, ArticleFacets facets, CorpusFile? file) =>
        writer.UpdateDocuments(new Term(IndexSchema.ArticleId, article.Id), StatementDocuments.Build(article, facets, file));

    public void Delete(string articleId) => writer.DeleteDocuments(new Term(IndexSchema.ArticleId, articleId));

    /// <summary>Removes the statements of the articles <paramref name="articles"/> matches (the paragraph index's own query: the fields are named alike).</summary>
    public void Delete(Query articles) => writer.DeleteDocuments(articles);

    public void DeleteAll() => writer.DeleteAll();

    public void Commit() => writer.Commit();

    /// <summary>Makes every write made so far searchable here.</summary>
    public void Refresh() => Searchers.MaybeRefreshBlocking();

    /// <summary>Runs <paramref name="search"/> on the current searcher, released afterwards whatever happens.</summary>
    public T Search<T>(Func<IndexSearcher, T> search)
    {
        var searcher = Searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            Searchers.Release(searcher);
        }
    }

    /// <summary>Closes it; <paramref name="keepChanges"/>: the writer commits what it was given, else drops what it buffered.</summary>
    public void Close(bool keepChanges)
    {
        Searchers.Dispose();
        try
        {
            WriterClosing.Close(writer, keepChanges);
        }
        finally
        {
            directory.Dispose();
        }
    }
}
