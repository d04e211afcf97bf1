using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Searching;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SearchService.Core.Indexing;

/// <summary>
/// The index the service searches and writes: the live <see cref="IndexGeneration"/> (one Lucene writer with readers
/// kept fresh: a write whose caller waits for it is searchable at once; others within <see cref="BackgroundRefresh"/>),
/// durable commits debounced apart from those refreshes, and the switch to a rebuilt index.
/// The commit also records which corpus files (and which versions of them) the index holds, so a restart
/// skips unchanged files, and how much of the API write journal it holds, so a restart replays only the rest.
/// A rebuild is written into a generation folder of its own and switched to at once (<see cref="BeginRebuild"/>,
/// <see cref="IndexLayout"/>).
/// </summary>
public sealed class SearchIndex : IArticleWriter, IDisposable
{
    /// <summary>
    /// How stale searches may get while nobody waits for a change. Every write path that promises visibility waits
    /// (an API write, the end of a corpus pass), which reopens at once; this cadence only shows a long indexing pass's
    /// progress. Each reopen flushes a small segment that must be merged later: at one second, a third of a bulk
    /// pass's work went into that.
    /// </summary>
    public static readonly TimeSpan BackgroundRefresh = TimeSpan.FromSeconds(5);

    /// <summary>How long after a write the commit follows; writes in between share one commit.</summary>
    public static readonly TimeSpan CommitDelay = TimeSpan.FromSeconds(5);

    private const string FileStampPrefix = "file:";
    private const string JournalOffsetKey = "journal";
    private const string SchemaKey = "schema";
    private static readonly Similarity Ranking = new BM25Similarity();

    /// <summary>The file in the index folder a <see cref="SearchIndex"/> holds exclusively while open; released last on disposal.</summary>
    public const string ProcessLockFileName = "searchservice.lock";

    private readonly ILogger logger;
    private readonly FileStream processLock;
    private readonly IndexLayout layout;
    private readonly Func<string, LuceneDirectory> openDirectory;
    private readonly BM25SearcherFactory searcherFactory;
    private readonly ConcurrentDictionary<string, string> fileStamps;
    private readonly Timer commitTimer;
    private readonly System.Threading.Lock commitLock = new();
    private readonly System.Threading.Lock mergeLock = new();
    // Writes share it; switching to a rebuild takes it alone, so no write or commit straddles the switch.
    private readonly ReaderWriterLockSlim writeGate = new();
    private volatile IndexGeneration live;
    private IndexRebuild? rebuild;
    private long journalApplied;
    private int commitPending;
    private long lastWriteTicks; // Environment.TickCount64 of the latest write
    private bool disposed;

    /// <summary>How long one search may collect hits before it is stopped, unless configured otherwise.</summary>
    public static readonly TimeSpan DefaultQueryBudget = TimeSpan.FromSeconds(2);

    static SearchIndex() => SearchServiceCodec.Register();

    public SearchIndex(string path, ILogger<SearchIndex> logger, TimeSpan? queryBudget = null)
        : this(path, logger, queryBudget, FSDirectory.Open)
    {
    }

    /// <param name="openDirectory">Opens the Lucene directory of an index folder (the live one, and each rebuild's).</param>
    internal SearchIndex(string path, ILogger<SearchIndex> logger, TimeSpan? queryBudget, Func<string, LuceneDirectory> openDirectory)
    {
        this.logger = logger;
        this.openDirectory = openDirectory;
        Path = System.IO.Path.GetFullPath(path);
        Analyzer = IndexSchema.CreateAnalyzer();
        layout = new IndexLayout(Path);
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
        LuceneDirectory? directory = null;
        IndexWriter writer;
        string liveFolder;
        try
        {
            liveFolder = layout.LiveFolder();
            layout.RemoveUnused(liveFolder);
            directory = openDirectory(liveFolder);
            writer = new IndexWriter(directory, NewWriterConfig());
        }
        catch (Exception e) when (e is LockObtainFailedException or IOException or UnauthorizedAccessException)
        {
            directory?.Dispose();
            processLock.Dispose();
            Analyzer.Dispose();
            throw new IndexUnavailableException(Path, e);
        }

        var commitData = writer.CommitData ?? new Dictionary<string, string>();
        var storedSchema = commitData.TryGetValue(SchemaKey, out var schema) ? schema : null;
        if (writer.NumDocs > 0 && storedSchema != IndexSchema.SchemaVersion)
        {
            // Documents of another schema would be searched wrongly; everything they held is in the corpus and the journal.
            logger.LogWarning(
                "The index in {IndexPath} was written under schema {Old}, this version writes {New}: indexing everything again",
                Path, storedSchema ?? "(none)", IndexSchema.SchemaVersion);
            writer.DeleteAll();
            commitData = new Dictionary<string, string>();
        }
        CommittedJournalOffset = journalApplied =
            commitData.TryGetValue(JournalOffsetKey, out var offset) && long.TryParse(offset, out var parsed) ? parsed : 0;
        fileStamps = new ConcurrentDictionary<string, string>(
            commitData
                .Where(kv => kv.Key.StartsWith(FileStampPrefix, StringComparison.Ordinal))
                .Select(kv => KeyValuePair.Create(kv.Key[FileStampPrefix.Length..], kv.Value)));
        searcherFactory = new BM25SearcherFactory(queryBudget ?? DefaultQueryBudget);
        live = new IndexGeneration(liveFolder, directory, writer, 0, searcherFactory, BackgroundRefresh);
        commitTimer = new Timer(_ => CommitPending(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Full path of the index folder.</summary>
    public string Path { get; }

    /// <summary>The folder holding the live index's Lucene files: a generation folder in <see cref="Path"/>, or <see cref="Path"/> itself for an index never rebuilt since generations came.</summary>
    public string LiveFolder => live.Folder;

    /// <summary>The analyzer the index was written with; queries must be analysed the same way.</summary>
    public Analyzer Analyzer { get; }

    /// <summary>Corpus files the index holds, relative path → stamp of the version indexed.</summary>
    public IReadOnlyDictionary<string, string> FileStamps => fileStamps;

    /// <summary>Length of the API write journal that the last commit holds; lines after it must be replayed.</summary>
    public long CommittedJournalOffset { get; private set; }

    /// <summary>Writes (or replaces) all paragraphs of an article as one block: searches never see half of it.</summary>
    public long ReplaceArticle(Article article, ArticleFacets facets, CorpusFile? file) =>
        Write(writer => writer.UpdateDocuments(
            new Term(IndexSchema.ArticleId, article.Id), ParagraphDocuments.Build(article, facets, file)));

    public long DeleteArticle(string articleId) =>
        Write(writer => writer.DeleteDocuments(new Term(IndexSchema.ArticleId, articleId)));

    /// <summary>
    /// An API write whose journal line ends at <paramref name="journalEnd"/>: applied here and to a rebuild under way,
    /// and counted as held by the next commit. Callers apply journal lines in journal order.
    /// </summary>
    public long ReplaceJournaledArticle(Article article, ArticleFacets facets, long journalEnd) =>
        Write(writer =>
        {
            var generation = writer.UpdateDocuments(
                new Term(IndexSchema.ArticleId, article.Id), ParagraphDocuments.Build(article, facets, null));
            Interlocked.Exchange(ref journalApplied, journalEnd);
            rebuild?.ReplaceDirectly(article, facets, journalEnd);
            return generation;
        });

    /// <inheritdoc cref="ReplaceJournaledArticle"/>
    public long DeleteJournaledArticle(string articleId, long journalEnd) =>
        Write(writer =>
        {
            var generation = writer.DeleteDocuments(new Term(IndexSchema.ArticleId, articleId));
            Interlocked.Exchange(ref journalApplied, journalEnd);
            rebuild?.DeleteDirectly(articleId, journalEnd);
            return generation;
        });

    /// <summary>Counts the journal up to <paramref name="length"/> as held by the next commit (after replaying it at start-up).</summary>
    public void HoldJournalUpTo(long length) => Interlocked.Exchange(ref journalApplied, length);

    /// <summary>
    /// Lets the API write journal be rewritten (compacted), which moves every line and so every offset in it. No write,
    /// commit or rebuild can start meanwhile: first a commit holds every journal line applied so far, then
    /// <paramref name="rewrite"/> replaces the journal and returns its new length, which a second commit records. A
    /// crash between the two leaves a commit that holds the old journal's length, at least the new one's: nothing is
    /// replayed, rightly, since the index held it all. Callers stop appends to the journal meanwhile.
    /// Returns false, doing nothing, while a rebuild is under way (it replays the journal up to an offset of its own) or
    /// when the index has not applied the journal up to <paramref name="journalLength"/> (a write failed half-way).
    /// </summary>
    public bool RewriteJournal(long journalLength, Func<long> rewrite)
    {
        writeGate.EnterWriteLock();
        try
        {
            if (rebuild is not null || disposed || Interlocked.Read(ref journalApplied) != journalLength)
                return false;
            CommitHoldingGate();
            Interlocked.Exchange(ref journalApplied, rewrite());
            CommitHoldingGate();
            return true;
        }
        finally
        {
            writeGate.ExitWriteLock();
        }
    }

    /// <summary>Removes the articles of a corpus file, except those written from the version with <paramref name="keepStamp"/>.</summary>
    public long DeleteFileArticles(string relativePath, string? keepStamp = null) =>
        Write(writer => writer.DeleteDocuments(FileArticles(relativePath, keepStamp)));

    internal static Query FileArticles(string relativePath, string? keepStamp)
    {
        var query = new BooleanQuery { { new TermQuery(new Term(IndexSchema.File, relativePath)), Occur.MUST } };
        if (keepStamp is not null)
            query.Add(new TermQuery(new Term(IndexSchema.FileStamp, keepStamp)), Occur.MUST_NOT);
        return query;
    }

    /// <summary>
    /// Starts a new index in a generation folder of its own. The live index keeps answering (and taking API writes,
    /// which reach the new one too) until <see cref="CompleteRebuild"/> switches to it; disposing the rebuild without
    /// that deletes it.
    /// </summary>
    public IndexRebuild BeginRebuild()
    {
        writeGate.EnterWriteLock();
        try
        {
            if (rebuild is not null)
                throw new InvalidOperationException("A rebuild is already under way.");
            var folder = layout.CreateNextGeneration();
            LuceneDirectory directory;
            try
            {
                directory = openDirectory(folder);
            }
            catch
            {
                layout.Remove(folder);
                throw;
            }
            rebuild = new IndexRebuild(folder, directory, NewWriterConfig(), Interlocked.Read(ref journalApplied));
            return rebuild;
        }
        finally
        {
            writeGate.ExitWriteLock();
        }
    }

    /// <summary>
    /// Switches to the rebuild: it is committed (with the corpus files and the journal length it holds) and opened for
    /// searching, then the pointer file is renamed to name it (<see cref="IndexLayout.SwitchTo"/>), which is the switch
    /// for a restart too. Writes wait meanwhile; searches keep the old index until it is done, and each search begun on
    /// the old index ends there; the last one out closes it and deletes its files. If anything before the rename fails,
    /// the old index stays live, untouched, and the exception is thrown; the caller disposes the rebuild.
    /// </summary>
    public void CompleteRebuild(IndexRebuild completed)
    {
        completed.FlushBeforeSwitch();
        writeGate.EnterWriteLock();
        try
        {
            if (!ReferenceEquals(rebuild, completed) || disposed)
                throw new InvalidOperationException("This rebuild is not the one under way.");
            var previous = live;
            var journalHeld = completed.JournalHeld;
            completed.CommitForSwitch(CommitData(completed.FileStamps, journalHeld));
            var next = completed.OpenGeneration(previous.LatestGeneration, searcherFactory, BackgroundRefresh);
            var previousRemovable = true;
            try
            {
                layout.SwitchTo(next.Folder);
            }
            catch (PointerNotFlushedException e)
            {
                // A crash may yet bring the previous index back: its files stay until the next start removes them.
                logger.LogError(e, "Switched to the rebuilt index in {Folder}, but flushing the switch failed", next.Folder);
                previousRemovable = false;
            }
            catch
            {
                next.Retire(() => { });
                throw;
            }
            completed.MarkSwitchedIn();
            live = next;
            rebuild = null;
            fileStamps.Clear();
            foreach (var (path, stamp) in completed.FileStamps)
                fileStamps[path] = stamp;
            Interlocked.Exchange(ref journalApplied, journalHeld);
            CommittedJournalOffset = journalHeld;
            previous.Retire(() => RemoveRetired(previous.Folder, previousRemovable));
            logger.LogInformation("Switched to the rebuilt index in {Folder}", next.Folder);
        }
        finally
        {
            writeGate.ExitWriteLock();
        }
    }

    /// <summary>Runs on the thread of the last search to leave the retired index, which must not fail for it.</summary>
    private void RemoveRetired(string folder, bool removable)
    {
        if (!removable)
            return;
        try
        {
            layout.Remove(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Removing the previous index in {Folder} failed; the next start removes it", folder);
        }
    }

    /// <summary>False once the index is closed; a failed rebuild leaves the live index serving, which stays healthy.</summary>
    public bool IsHealthy => !disposed;

    /// <summary>Ends a rebuild that will not be switched to (it failed or was cancelled).</summary>
    public void AbandonRebuild(IndexRebuild abandoned)
    {
        writeGate.EnterWriteLock();
        try
        {
            if (ReferenceEquals(rebuild, abandoned))
                rebuild = null;
        }
        finally
        {
            writeGate.ExitWriteLock();
        }
    }

    /// <summary>Applies a change to the live index; returns its generation (for <see cref="WaitForGeneration"/>).</summary>
    private long Write(Func<TrackingIndexWriter, long> write)
    {
        writeGate.EnterReadLock();
        try
        {
            var generation = live;
            var written = generation.Numbered(write(generation.Tracking));
            Volatile.Write(ref lastWriteTicks, Environment.TickCount64);
            ScheduleCommit();
            return written;
        }
        finally
        {
            writeGate.ExitReadLock();
        }
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
    public bool WaitUntilSearchable(TimeSpan timeout) => Using(generation => generation.WaitForGeneration(generation.LatestGeneration, timeout));

    /// <summary>Blocks until changes up to <paramref name="generation"/> are visible to searches.</summary>
    public bool WaitForGeneration(long generation, TimeSpan timeout) => Using(live => live.WaitForGeneration(generation, timeout));

    /// <summary>Runs <paramref name="search"/> on the current searcher, released afterwards whatever happens.</summary>
    public T Search<T>(Func<IndexSearcher, T> search) =>
        Using(generation =>
        {
            var searcher = generation.Searchers.Acquire();
            try
            {
                return search(searcher);
            }
            finally
            {
                generation.Searchers.Release(searcher);
            }
        });

    /// <summary>Runs <paramref name="use"/> on the live index, which stays open until it returns even if a rebuild replaces it meanwhile.</summary>
    private T Using<T>(Func<IndexGeneration, T> use)
    {
        var generation = live;
        // A retired index takes no new users; by then the live one is its successor.
        while (!generation.TryEnter())
            generation = live;
        try
        {
            return use(generation);
        }
        finally
        {
            generation.Leave();
        }
    }

    /// <summary>
    /// Builds the in-memory facet ordinals of the index as searches see it now, on this thread (they are otherwise built
    /// in the background after each reopen, and searches count from the doc values until then).
    /// </summary>
    public void PrepareFacetCounting() => Search(searcher => SegmentOrdinals.Build(searcher.IndexReader, FacetOrdinals.CountedFields));

    /// <summary>
    /// Merges the index into one segment, makes it searchable and commits it. A search looks each of its terms up
    /// once per segment, so after a bulk load (which leaves several segments) this more than halves the work of a
    /// query (measured on Reuters: 1.7 → 0.9 ms of CPU per query, 5 segments → 1). It rewrites the whole index:
    /// for after large passes, not after every change. Writes may continue meanwhile.
    /// </summary>
    public void MergeDown()
    {
        lock (mergeLock)
            ForceMerge(1);
    }

    /// <summary>A segment is small when all segments but the largest together hold at most this share of its documents.</summary>
    private const double SmallSegmentsShare = 0.1;

    /// <summary>
    /// Merges the small segments into one, leaving the largest as it is, when there are at least two of them and they
    /// are a small part of the index (<see cref="SmallSegmentsShare"/>). Every write made searchable at once (an API
    /// write, a small corpus change) flushes a segment of its own, and a search looks each term up once per segment:
    /// measured on Reuters 1x, the 5–7 segments left by a few dozen API writes cost 22–37% more CPU per query than one.
    /// Only the small segments are rewritten, unlike <see cref="MergeDown"/>; a bulk load, whose segments are of like
    /// size, is left to that. Runs after the first commit that finds writing paused (<see cref="CommitDelay"/> without a
    /// write), so not over and over during a corpus pass. Returns whether it merged.
    /// </summary>
    public bool MergeSmallSegments()
    {
        lock (mergeLock)
        {
            var sizes = Search(searcher => searcher.IndexReader.Leaves.Select(leaf => (long)leaf.AtomicReader.MaxDoc).Order().ToList());
            if (sizes.Count < 3 || sizes.SkipLast(1).Sum() > sizes[^1] * SmallSegmentsShare)
                return false;
            // Lucene's tiered policy merges the smallest segments first to reach the count: all but the largest.
            if (!ForceMerge(2))
                return false;
            logger.LogInformation("Merged {Count} small segments ({Documents} documents) into one", sizes.Count - 1, sizes.SkipLast(1).Sum());
            return true;
        }
    }

    /// <summary>
    /// Merges down to <paramref name="segments"/>, makes that searchable and commits it (a restart opens the merged
    /// segments). Callers hold mergeLock: two forced merges at once would let the later count override the earlier.
    /// </summary>
    private bool ForceMerge(int segments)
    {
        var merged = Using(generation =>
        {
            writeGate.EnterReadLock();
            try
            {
                // An index a rebuild replaced meanwhile is not worth merging.
                if (disposed || !ReferenceEquals(generation, live))
                    return false;
                generation.Writer.ForceMerge(segments);
            }
            finally
            {
                writeGate.ExitReadLock();
            }
            generation.Searchers.MaybeRefreshBlocking();
            return true;
        });
        if (merged)
            Commit();
        return merged;
    }

    /// <summary>Makes everything written so far durable, with the file manifest that matches it.</summary>
    public void Commit()
    {
        writeGate.EnterReadLock();
        try
        {
            CommitHoldingGate();
        }
        finally
        {
            writeGate.ExitReadLock();
        }
    }

    private void CommitHoldingGate()
    {
        lock (commitLock)
        {
            if (disposed)
                return;
            Interlocked.Exchange(ref commitPending, 0);
            // Read before the commit: writes applied after this point are replayed from the journal if need be.
            var journalHeld = Interlocked.Read(ref journalApplied);
            var writer = live.Writer;
            writer.SetCommitData(CommitData(fileStamps, journalHeld));
            writer.Commit();
            CommittedJournalOffset = journalHeld;
        }
    }

    /// <summary>What a commit records beside the documents: the corpus files, the journal length held, and the schema.</summary>
    private static Dictionary<string, string> CommitData(IEnumerable<KeyValuePair<string, string>> stamps, long journalHeld)
    {
        var data = stamps.ToDictionary(kv => FileStampPrefix + kv.Key, kv => kv.Value);
        data[JournalOffsetKey] = journalHeld.ToString(System.Globalization.CultureInfo.InvariantCulture);
        data[SchemaKey] = IndexSchema.SchemaVersion;
        return data;
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
            // Small segments are merged once writing pauses; while it goes on (a corpus pass) the next commit looks again.
            if (Environment.TickCount64 - Volatile.Read(ref lastWriteTicks) >= CommitDelay.TotalMilliseconds)
                MergeSmallSegments();
            else
                ScheduleCommit();
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
        // A commit or small-segment merge already running on the timer must end before the writer closes under it.
        using (var callbacksDone = new ManualResetEvent(false))
        {
            if (commitTimer.Dispose(callbacksDone))
                callbacksDone.WaitOne();
        }
        Commit();
        lock (commitLock)
            disposed = true;
        rebuild?.Dispose();
        live.Dispose();
        writeGate.Dispose();
        processLock.Dispose();
        Analyzer.Dispose();
    }

    private IndexWriterConfig NewWriterConfig() => new(IndexSchema.Version, Analyzer)
    {
        OpenMode = OpenMode.CREATE_OR_APPEND,
        Similarity = Ranking,
        RAMBufferSizeMB = 64,
        Codec = new SearchServiceCodec(),
    };

    /// <summary>
    /// Holds an exclusive lock on a file in the index folder for the index's lifetime. Lucene's own write lock does
    /// not stop a second process on every platform; this one does (an OS file lock, released if the process dies).
    /// </summary>
    private static FileStream LockFolder(string path) =>
        new(System.IO.Path.Combine(path, ProcessLockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    private sealed class BM25SearcherFactory(TimeSpan queryBudget) : SearcherFactory
    {
        private bool opened;

        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            FacetOrdinals.Warm(reader);
            // The first searcher opens during start-up, whose CPU building the in-memory ordinals would take (seconds on
            // a large index); SearchWarmUp builds them once it has run. Later searchers follow index changes.
            if (opened)
                SegmentOrdinals.BuildInBackground(reader, FacetOrdinals.CountedFields);
            opened = true;
            return new BudgetedIndexSearcher(reader, queryBudget) { Similarity = Ranking };
        }
    }
}
