using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Quotes;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SearchService.Core.Indexing;

/// <summary>
/// The index the service searches and writes, put together from its parts: the live <see cref="IndexGeneration"/> (one
/// Lucene writer with readers kept fresh: a write whose caller waits for it is searchable at once; others within
/// <see cref="BackgroundRefresh"/>), searchers made by the search side's <see cref="SearcherProvider"/>, durable commits
/// debounced apart from those refreshes (<see cref="CommitScheduler"/>, recording the <see cref="CorpusFileStamps"/>,
/// the <see cref="JournalOffset"/> and the <see cref="SchemaVersionStamp"/>), and the switch to a rebuilt index
/// (<see cref="RebuildSwitch"/>). Writes share a gate that the switch, and a rewrite of the journal, take alone.
/// Lucene directories come from a factory, so tests can keep an index in memory or on a disk that fails.
/// </summary>
public sealed class SearchIndex : IArticleWriter, IDisposable
{
    /// <summary>
    /// How stale searches may get while nobody waits for a change, outside a corpus pass (during one:
    /// <see cref="IndexGeneration.BulkPassRefresh"/>). Every write path that promises visibility waits (an API write,
    /// the end of a corpus pass), which reopens at once. Each reopen flushes a small segment that must be merged later:
    /// at one second, a third of a bulk pass's work went into that.
    /// </summary>
    public static readonly TimeSpan BackgroundRefresh = TimeSpan.FromSeconds(5);

    /// <summary>How long after a write the commit follows; writes in between share one commit.</summary>
    public static TimeSpan CommitDelay => CommitScheduler.CommitDelay;

    /// <summary>The file in the index folder a <see cref="SearchIndex"/> holds exclusively while open; released last on disposal.</summary>
    public const string ProcessLockFileName = "searchservice.lock";

    /// <summary>How long one search may collect hits before it is stopped, unless configured otherwise.</summary>
    public static readonly TimeSpan DefaultQueryBudget = TimeSpan.FromSeconds(2);

    private readonly ILogger logger;
    private readonly FileStream processLock;
    private readonly SearcherProvider searchers;
    private readonly CorpusFileStamps fileStamps;
    private readonly JournalOffset journal;
    private readonly CommitScheduler commits;
    private readonly RebuildSwitch rebuilds;
    private readonly System.Threading.Lock mergeLock = new();
    // Writes share it; switching to a rebuild takes it alone, so no write or commit straddles the switch.
    private readonly ReaderWriterLockSlim writeGate = new();
    private volatile IndexGeneration live;

    static SearchIndex() => SearchServiceCodec.Register();

    /// <param name="searchers">Makes the searchers (the search side's, <c>SearcherSetup</c>); null: plain BM25 searchers.</param>
    /// <param name="openDirectory">Opens the Lucene directory of an index folder (the live one, and each rebuild's); null: the folder on disk.</param>
    public SearchIndex(string path, ILogger<SearchIndex> logger, SearcherProvider? searchers = null, Func<string, LuceneDirectory>? openDirectory = null)
    {
        this.logger = logger;
        this.searchers = searchers ?? new SearcherProvider();
        openDirectory ??= FSDirectory.Open;
        Path = System.IO.Path.GetFullPath(path);
        Analyzer = IndexSchema.CreateAnalyzer();
        var layout = new IndexLayout(Path);
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
        IndexWriter? writer = null;
        StatementIndex statements;
        string liveFolder;
        try
        {
            liveFolder = layout.LiveFolder();
            layout.RemoveUnused(liveFolder);
            directory = openDirectory(liveFolder);
            writer = new IndexWriter(directory, NewWriterConfig());
            statements = new StatementIndex(openDirectory(System.IO.Path.Combine(liveFolder, StatementIndex.FolderName)), Analyzer, this.searchers.WithoutWarmers());
        }
        catch (Exception e) when (e is LockObtainFailedException or IOException or UnauthorizedAccessException)
        {
            writer?.Rollback();
            directory?.Dispose();
            processLock.Dispose();
            Analyzer.Dispose();
            throw new IndexUnavailableException(Path, e, unreadable: e is not (LockObtainFailedException or UnauthorizedAccessException));
        }

        IReadOnlyDictionary<string, string> commitData = writer.CommitData is { } data ? new Dictionary<string, string>(data) : [];
        var storedSchema = SchemaVersionStamp.Read(commitData);
        if (writer.NumDocs > 0 && storedSchema != IndexSchema.SchemaVersion)
        {
            // Documents of another schema would be searched wrongly; everything they held is in the corpus and the journal.
            logger.LogWarning(
                "The index in {IndexPath} was written under schema {Old}, this version writes {New}: indexing everything again",
                Path, storedSchema ?? "(none)", IndexSchema.SchemaVersion);
            writer.DeleteAll();
            statements.DeleteAll();
            commitData = new Dictionary<string, string>();
        }
        journal = JournalOffset.From(commitData);
        fileStamps = CorpusFileStamps.From(commitData);
        rebuilds = new RebuildSwitch(layout, openDirectory, logger);
        live = new IndexGeneration(liveFolder, directory, writer, statements, 0, this.searchers, BackgroundRefresh);
        Searchable = new SearchableWrites(commitData);
        live.Searchers.AddListener(new SearchableRefresh(live, Searchable));
        SpeakerIdentities = new SpeakerIdentityFile(Path);
        // Searchable last: what it records is measured against the corpus files and the journal length recorded before it.
        commits = new CommitScheduler(
            [new StatementCommit(() => live.Statements), fileStamps, journal, SchemaVersionStamp.Instance, SpeakerIdentities, Searchable], CommitDue, logger, Path);
        Searchable.ScheduleCommit = commits.Schedule;
    }

    /// <summary>Tells an observer (alerts) each article written or deleted, and which writes each refresh made searchable.</summary>
    public SearchableWrites Searchable { get; }

    /// <summary>The speaker identity table kept beside the index: saved after commits (at most every 30 s) and on close, applied to speaker filters.</summary>
    public SpeakerIdentityFile SpeakerIdentities { get; }

    /// <summary>Full path of the index folder.</summary>
    public string Path { get; }

    /// <summary>The folder holding the live index's Lucene files: a generation folder in <see cref="Path"/>, or <see cref="Path"/> itself for an index never rebuilt since generations came.</summary>
    public string LiveFolder => live.Folder;

    /// <summary>The analyzer the index was written with; queries must be analysed the same way.</summary>
    public Analyzer Analyzer { get; }

    /// <summary>Corpus files the index holds, relative path → stamp of the version indexed.</summary>
    public IReadOnlyDictionary<string, string> FileStamps => fileStamps.Stamps;

    /// <summary>Length of the API write journal that the last commit holds; lines after it must be replayed.</summary>
    public long CommittedJournalOffset => journal.Committed;

    /// <summary>Length of the API write journal that the index's writer holds (committed or not).</summary>
    public long AppliedJournalOffset => journal.Applied;

    /// <summary>
    /// False once the index is closed or a commit failed (it then takes no writes until a restart); a failed rebuild
    /// leaves the live index serving, which stays healthy.
    /// </summary>
    public bool IsHealthy => !commits.IsClosed && !WritesStopped;

    /// <summary>True once a commit failed: the index takes no writes until a restart, and still answers searches.</summary>
    public bool WritesStopped => commits.Failure is not null;

    /// <summary>Writes (or replaces) all paragraphs of an article as one block: searches never see half of it.</summary>
    public long ReplaceArticle(Article article, ArticleFacets facets, CorpusFile? file) =>
        Searchable.Write(article, facets, () => Write(generation =>
        {
            generation.Statements.Replace(article, facets, file);
            return generation.Tracking.UpdateDocuments(new Term(IndexSchema.ArticleId, article.Id), ParagraphDocuments.Build(article, facets, file));
        }));

    public long DeleteArticle(string articleId) =>
        Searchable.Deleted(Write(generation =>
        {
            generation.Statements.Delete(articleId);
            return generation.Tracking.DeleteDocuments(new Term(IndexSchema.ArticleId, articleId));
        }), articleId);

    /// <summary>
    /// An API write whose journal line ends at <paramref name="journalEnd"/>: applied here and to a rebuild under way,
    /// and counted as held by the next commit. Callers apply journal lines in journal order.
    /// </summary>
    public long ReplaceJournaledArticle(Article article, ArticleFacets facets, long journalEnd) =>
        Searchable.Write(article, facets, () => Write(live =>
        {
            live.Statements.Replace(article, facets, null);
            var generation = live.Tracking.UpdateDocuments(
                new Term(IndexSchema.ArticleId, article.Id), ParagraphDocuments.Build(article, facets, null));
            journal.HoldUpTo(journalEnd);
            rebuilds.UnderWay?.ReplaceDirectly(article, facets, journalEnd);
            return generation;
        }));

    /// <inheritdoc cref="ReplaceJournaledArticle"/>
    public long DeleteJournaledArticle(string articleId, long journalEnd) =>
        Searchable.Deleted(Write(live =>
        {
            live.Statements.Delete(articleId);
            var generation = live.Tracking.DeleteDocuments(new Term(IndexSchema.ArticleId, articleId));
            journal.HoldUpTo(journalEnd);
            rebuilds.UnderWay?.DeleteDirectly(articleId, journalEnd);
            return generation;
        }), articleId);

    /// <summary>Counts the journal up to <paramref name="length"/> as held by the next commit (after replaying it at start-up).</summary>
    public void HoldJournalUpTo(long length) => journal.HoldUpTo(length);

    /// <summary>
    /// Lets the API write journal be rewritten (compacted), which moves every line and so every offset in it. No write,
    /// commit or rebuild can start meanwhile: first a commit holds every journal line applied so far, then
    /// <paramref name="rewrite"/> replaces the journal and returns its new length, which a second commit records. A
    /// crash between the two leaves a commit that holds the old journal's length, at least the new one's: nothing is
    /// replayed, rightly, since the index held it all. Callers stop appends to the journal meanwhile.
    /// Returns false, doing nothing, while a rebuild is under way (it replays the journal up to an offset of its own) or
    /// when the index has not applied the journal up to <paramref name="journalLength"/> (a write failed half-way).
    /// </summary>
    public bool RewriteJournal(long journalLength, Func<long> rewrite) =>
        Exclusively(() =>
        {
            if (rebuilds.UnderWay is not null || commits.IsClosed || journal.Applied != journalLength)
                return false;
            commits.Commit(live.Writer);
            journal.HoldUpTo(rewrite());
            commits.Commit(live.Writer);
            return true;
        });

    /// <summary>Removes the articles of a corpus file, except those written from the version with <paramref name="keepStamp"/>.</summary>
    public long DeleteFileArticles(string relativePath, string? keepStamp = null) =>
        Write(generation =>
        {
            generation.Statements.Delete(FileArticles(relativePath, keepStamp));
            return generation.Tracking.DeleteDocuments(FileArticles(relativePath, keepStamp));
        });

    /// <summary>
    /// Of <paramref name="relativePaths"/>, the corpus files some paragraph or statement of the searchable index was
    /// written from (a deleted one too, until merged away): those of the others are not in the index unless written since
    /// the last refresh.
    /// </summary>
    public IReadOnlySet<string> FilesWithArticles(IReadOnlyCollection<string> relativePaths)
    {
        IEnumerable<string> Held(IndexSearcher searcher) =>
            relativePaths.Where(path => searcher.IndexReader.DocFreq(new Term(IndexSchema.File, path)) > 0).ToList();

        return Search(Held).Concat(SearchStatements(Held)).ToHashSet(StringComparer.Ordinal);
    }

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
    public IndexRebuild BeginRebuild() => Exclusively(() => rebuilds.Begin(NewWriterConfig(), journal.Applied, searchers.WithoutWarmers()));

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
        Exclusively(() =>
        {
            if (commits.IsClosed)
                throw new InvalidOperationException("The index is closed.");
            live = rebuilds.Complete(completed, live, searchers, BackgroundRefresh, Searchable);
            live.Searchers.AddListener(new SearchableRefresh(live, Searchable));
            fileStamps.ReplaceWith(completed.FileStamps);
            journal.Reset(completed.Journal.Applied);
            return true;
        });
    }

    /// <summary>Ends a rebuild that will not be switched to (it failed or was cancelled).</summary>
    public void AbandonRebuild(IndexRebuild abandoned) => Exclusively(() =>
    {
        rebuilds.Abandon(abandoned);
        return true;
    });

    /// <summary>Runs <paramref name="change"/> while no write, commit or forced merge runs.</summary>
    private T Exclusively<T>(Func<T> change)
    {
        writeGate.EnterWriteLock();
        try
        {
            return change();
        }
        finally
        {
            writeGate.ExitWriteLock();
        }
    }

    /// <summary>Runs <paramref name="use"/> beside other writes, commits and merges, but never across a switch or a journal rewrite.</summary>
    private T Shared<T>(Func<T> use)
    {
        writeGate.EnterReadLock();
        try
        {
            return use();
        }
        finally
        {
            writeGate.ExitReadLock();
        }
    }

    /// <summary>Applies a change to the live index (its paragraphs and statements); returns its generation (for <see cref="WaitForGeneration"/>).</summary>
    private long Write(Func<IndexGeneration, long> write) =>
        Shared(() =>
        {
            if (commits.Failure is { } failure)
                throw new IOException("The index takes no writes until the service restarts: a commit failed.", failure);
            var generation = live;
            var written = generation.Numbered(write(generation));
            commits.WriteMade();
            return written;
        });

    /// <summary>
    /// Until disposed, the live index refreshes less often and buffers more before it flushes a segment
    /// (<see cref="IndexGeneration.BeginBulkPass"/>): for a corpus pass, which ends by waiting until it is searchable.
    /// </summary>
    public IDisposable BeginBulkPass() => live.BeginBulkPass();

    /// <summary>Holds the scheduled commits back until disposed (<see cref="CommitScheduler.HoldScheduled"/>): for a corpus pass writing a file.</summary>
    public IDisposable HoldScheduledCommits() => commits.HoldScheduled();

    /// <summary>Records that the index now holds this version of the file (made durable by the next commit).</summary>
    public void RecordFile(string relativePath, string stamp)
    {
        fileStamps.Record(relativePath, stamp);
        commits.Schedule();
    }

    public void ForgetFile(string relativePath)
    {
        fileStamps.Forget(relativePath);
        commits.Schedule();
    }

    /// <summary>Blocks until every change made so far is visible to searches.</summary>
    public bool WaitUntilSearchable(TimeSpan timeout) => Using(generation => generation.WaitForGeneration(generation.LatestGeneration, timeout));

    /// <summary>The statements of the live index.</summary>
    internal StatementIndex LiveStatements => live.Statements;

    /// <summary>The generation the next write gets, at least (writes and refreshes move it on).</summary>
    internal long LatestGeneration => Using(generation => generation.LatestGeneration);

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

    /// <summary>Runs <paramref name="search"/> on the current searcher of the statements (<see cref="StatementIndex"/>), released afterwards whatever happens.</summary>
    public T SearchStatements<T>(Func<IndexSearcher, T> search) => Using(generation => generation.Statements.Search(search));

    /// <summary>
    /// The current searcher, held until the lease is disposed: for searches of several calls (<see cref="Search{T}"/>
    /// holds one for a single call). A lease left undisposed keeps its reader, and a retired index, open.
    /// </summary>
    public SearcherLease LeaseSearcher()
    {
        var generation = live;
        while (!generation.TryEnter())
            generation = live;
        try
        {
            var searcher = generation.Searchers.Acquire();
            return new SearcherLease(searcher, () =>
            {
                generation.Searchers.Release(searcher);
                generation.Leave();
            });
        }
        catch
        {
            generation.Leave();
            throw;
        }
    }

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
            var mergedHere = Shared(() =>
            {
                // An index a rebuild replaced meanwhile is not worth merging.
                if (commits.IsClosed || !ReferenceEquals(generation, live))
                    return false;
                generation.Writer.ForceMerge(segments);
                return true;
            });
            if (mergedHere)
                generation.WaitForGeneration(generation.LatestGeneration, Timeout.InfiniteTimeSpan);
            return mergedHere;
        });
        if (merged)
            Commit();
        return merged;
    }

    /// <summary>Makes everything written so far durable, with what the commit contributors record.</summary>
    public void Commit() => Shared(() =>
    {
        commits.Commit(live.Writer);
        return true;
    });

    /// <summary>A scheduled commit is due: commit, and merge small segments once writing has paused (while it goes on, a corpus pass, the next commit looks again).</summary>
    private void CommitDue()
    {
        Commit();
        if (commits.WritesPaused)
            MergeSmallSegments();
        else
            commits.Schedule();
    }

    public void Dispose()
    {
        if (commits.IsClosed)
            return;
        // A commit or small-segment merge already running on the timer ends before the writer closes under it.
        var committed = commits.Close(Commit);
        if (committed)
            SpeakerIdentities.SaveIfBehind();
        rebuilds.UnderWay?.Dispose();
        // After a failed commit the writer must not commit as it closes: the last good commit is what a restart resumes from.
        // The folder's lock is released even when closing failed, so this process can open the folder again.
        try
        {
            live.Close(keepChanges: committed);
        }
        finally
        {
            writeGate.Dispose();
            processLock.Dispose();
            Analyzer.Dispose();
        }
    }

    private IndexWriterConfig NewWriterConfig() => new(IndexSchema.Version, Analyzer)
    {
        OpenMode = OpenMode.CREATE_OR_APPEND,
        Similarity = SearcherProvider.Ranking,
        RAMBufferSizeMB = 64,
        Codec = new SearchServiceCodec(),
    };

    /// <summary>
    /// Holds an exclusive lock on a file in the index folder for the index's lifetime. Lucene's own write lock does
    /// not stop a second process on every platform; this one does (an OS file lock, released if the process dies).
    /// </summary>
    private static FileStream LockFolder(string path) =>
        new(System.IO.Path.Combine(path, ProcessLockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
}
