using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SearchService.Core.Indexing;

/// <summary>
/// The one place that owns the Lucene lifetimes: one <see cref="IndexWriter"/> for the index folder, readers
/// through a <see cref="SearcherManager"/> kept fresh by a <see cref="ControlledRealTimeReopenThread{T}"/>
/// (changes are searchable within a second), and durable commits debounced apart from those refreshes.
/// The commit also records which corpus files (and which versions of them) the index holds, so a restart
/// skips unchanged files.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    /// <summary>How long after a write the commit follows; writes in between share one commit.</summary>
    public static readonly TimeSpan CommitDelay = TimeSpan.FromSeconds(5);

    private const string FileStampPrefix = "file:";
    private static readonly Similarity Ranking = new BM25Similarity();

    private const string ProcessLockFileName = "searchservice.lock";

    private readonly ILogger logger;
    private readonly FileStream processLock;
    private readonly LuceneDirectory directory;
    private readonly IndexWriter writer;
    private readonly TrackingIndexWriter trackingWriter;
    private readonly SearcherManager searcherManager;
    private readonly ControlledRealTimeReopenThread<IndexSearcher> reopenThread;
    private readonly ConcurrentDictionary<string, string> fileStamps;
    private readonly Timer commitTimer;
    private readonly System.Threading.Lock commitLock = new();
    private int commitPending;
    private bool disposed;

    public SearchIndex(string path, ILogger<SearchIndex> logger)
    {
        this.logger = logger;
        Path = System.IO.Path.GetFullPath(path);
        Analyzer = IndexSchema.CreateAnalyzer();
        try
        {
            System.IO.Directory.CreateDirectory(Path);
            processLock = LockFolder(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Analyzer.Dispose();
            throw new IndexUnavailableException(Path, e);
        }
        try
        {
            directory = FSDirectory.Open(Path);
            writer = new IndexWriter(directory, new IndexWriterConfig(IndexSchema.Version, Analyzer)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                Similarity = Ranking,
                RAMBufferSizeMB = 64,
            });
        }
        catch (Exception e) when (e is LockObtainFailedException or IOException or UnauthorizedAccessException)
        {
            directory?.Dispose();
            processLock.Dispose();
            Analyzer.Dispose();
            throw new IndexUnavailableException(Path, e);
        }

        fileStamps = new ConcurrentDictionary<string, string>(
            (writer.CommitData ?? new Dictionary<string, string>())
                .Where(kv => kv.Key.StartsWith(FileStampPrefix, StringComparison.Ordinal))
                .Select(kv => KeyValuePair.Create(kv.Key[FileStampPrefix.Length..], kv.Value)));
        trackingWriter = new TrackingIndexWriter(writer);
        searcherManager = new SearcherManager(writer, applyAllDeletes: true, new BM25SearcherFactory());
        reopenThread = new ControlledRealTimeReopenThread<IndexSearcher>(trackingWriter, searcherManager, 1.0, 0.05)
        {
            Name = "Lucene NRT reopen",
            IsBackground = true,
        };
        reopenThread.Start();
        commitTimer = new Timer(_ => CommitPending(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Full path of the index folder.</summary>
    public string Path { get; }

    /// <summary>The analyzer the index was written with; queries must be analysed the same way.</summary>
    public Analyzer Analyzer { get; }

    /// <summary>Corpus files the index holds, relative path → stamp of the version indexed.</summary>
    public IReadOnlyDictionary<string, string> FileStamps => fileStamps;

    /// <summary>Writes (or replaces) all paragraphs of an article as one block: searches never see half of it.</summary>
    public long ReplaceArticle(Article article, ArticleFacets facets, CorpusFile? file)
    {
        var generation = trackingWriter.UpdateDocuments(
            new Term(IndexSchema.ArticleId, article.Id), ParagraphDocuments.Build(article, facets, file));
        ScheduleCommit();
        return generation;
    }

    /// <summary>Removes the articles of a corpus file, except those written from the version with <paramref name="keepStamp"/>.</summary>
    public long DeleteFileArticles(string relativePath, string? keepStamp = null)
    {
        var query = new BooleanQuery { { new TermQuery(new Term(IndexSchema.File, relativePath)), Occur.MUST } };
        if (keepStamp is not null)
            query.Add(new TermQuery(new Term(IndexSchema.FileStamp, keepStamp)), Occur.MUST_NOT);
        var generation = trackingWriter.DeleteDocuments(query);
        ScheduleCommit();
        return generation;
    }

    /// <summary>Empties the index (made durable by the next commit), for a rebuild from scratch.</summary>
    public long DeleteAll()
    {
        var generation = trackingWriter.DeleteAll();
        fileStamps.Clear();
        ScheduleCommit();
        return generation;
    }

    /// <summary>Records that the index now holds this version of the file (made durable by the next commit).</summary>
    public void RecordFile(string relativePath, string stamp)
    {
        fileStamps[relativePath] = stamp;
        ScheduleCommit();
    }

    public void ForgetFile(string relativePath)
    {
        fileStamps.TryRemove(relativePath, out _);
        ScheduleCommit();
    }

    /// <summary>Blocks until every change made so far is visible to searches.</summary>
    public bool WaitUntilSearchable(TimeSpan timeout) => WaitForGeneration(trackingWriter.Generation, timeout);

    /// <summary>Blocks until changes up to <paramref name="generation"/> are visible to searches.</summary>
    public bool WaitForGeneration(long generation, TimeSpan timeout) =>
        reopenThread.WaitForGeneration(generation, (int)timeout.TotalMilliseconds);

    /// <summary>Runs <paramref name="search"/> on the current searcher, released afterwards whatever happens.</summary>
    public T Search<T>(Func<IndexSearcher, T> search)
    {
        var searcher = searcherManager.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            searcherManager.Release(searcher);
        }
    }

    /// <summary>Makes everything written so far durable, with the file manifest that matches it.</summary>
    public void Commit()
    {
        lock (commitLock)
        {
            if (disposed)
                return;
            Interlocked.Exchange(ref commitPending, 0);
            writer.SetCommitData(fileStamps.ToDictionary(kv => FileStampPrefix + kv.Key, kv => kv.Value));
            writer.Commit();
        }
    }

    private void ScheduleCommit()
    {
        if (Interlocked.CompareExchange(ref commitPending, 1, 0) == 0)
            commitTimer.Change(CommitDelay, Timeout.InfiniteTimeSpan);
    }

    private void CommitPending()
    {
        try
        {
            Commit();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            logger.LogError(e, "Committing the index in {IndexPath} failed; the next write retries", Path);
        }
    }

    public void Dispose()
    {
        if (disposed)
            return;
        commitTimer.Dispose();
        reopenThread.Dispose();
        Commit();
        lock (commitLock)
            disposed = true;
        searcherManager.Dispose();
        writer.Dispose();
        directory.Dispose();
        processLock.Dispose();
        Analyzer.Dispose();
    }

    /// <summary>
    /// Holds an exclusive lock on a file in the index folder for the index's lifetime. Lucene's own write lock does
    /// not stop a second process on every platform; this one does (an OS file lock, released if the process dies).
    /// </summary>
    private static FileStream LockFolder(string path) =>
        new(System.IO.Path.Combine(path, ProcessLockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    private sealed class BM25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Ranking };
    }
}
