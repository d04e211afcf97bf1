using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Quotes;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SearchService.Core.Indexing;

/// <summary>
/// One Lucene index open for writing and searching: its folder's <see cref="LuceneDirectory"/>, the
/// <see cref="IndexWriter"/>, readers through a <see cref="SearcherManager"/> kept fresh by a
/// <see cref="ControlledRealTimeReopenThread{T}"/> (which reopens at once for a caller waiting on a write) and a timer
/// that refreshes every <c>backgroundRefresh</c>, except during a bulk pass (<see cref="BeginBulkPass"/>).
/// <see cref="SearchIndex"/> holds one live and swaps in another after a rebuild; the one swapped out is closed once
/// the last search using it ends (<see cref="Retire"/>).
/// Write generations are numbered on from the previous index's (<see cref="GenerationBase"/>), so a caller
/// waiting for a write made before a swap finds it visible at once: the new index was opened holding it.
/// </summary>
internal sealed class IndexGeneration
{
    private readonly LuceneDirectory directory;
    private readonly ControlledRealTimeReopenThread<IndexSearcher> reopenThread;
    private readonly Timer backgroundRefreshTimer;
    private readonly double ramBufferSizeMB;
    private readonly double statementRamBufferSizeMB;
    private int bulkPasses;
    private readonly System.Threading.Lock usersGate = new();
    private int users;
    private bool retired;
    private bool closed;
    private Action? onRetiredClose;

    /// <summary>Takes ownership of <paramref name="directory"/>, <paramref name="writer"/> and <paramref name="statements"/>, also when it throws.</summary>
    public IndexGeneration(
        string folder, LuceneDirectory directory, IndexWriter writer, StatementIndex statements, long generationBase,
        SearcherFactory searcherFactory, TimeSpan backgroundRefresh)
    {
        Folder = folder;
        this.directory = directory;
        Writer = writer;
        Statements = statements;
        GenerationBase = generationBase;
        try
        {
            Tracking = new TrackingIndexWriter(writer);
            Searchers = new SearcherManager(writer, applyAllDeletes: true, new StatementRefresh(searcherFactory, statements));
        }
        catch
        {
            writer.Rollback();
            directory.Dispose();
            statements.Close(keepChanges: false);
            throw;
        }
        ramBufferSizeMB = writer.Config.RAMBufferSizeMB;
        statementRamBufferSizeMB = statements.RamBufferSizeMB;
        // Unwaited, the reopen thread refreshes only at the bulk cadence; the timer below keeps the shorter one outside bulk passes.
        reopenThread = new ControlledRealTimeReopenThread<IndexSearcher>(Tracking, Searchers, BulkPassRefresh.TotalSeconds, 0.05)
        {
            Name = "Lucene NRT reopen",
            IsBackground = true,
        };
        reopenThread.Start();
        backgroundRefreshTimer = new Timer(_ => RefreshUnlessBulk(), null, backgroundRefresh, backgroundRefresh);
    }

    /// <summary>
    /// How stale searches may get during a bulk pass while nobody waits for a change. Each refresh flushes every
    /// indexing thread's segment, which merges later rewrite: at a 5 s cadence, in a loaded corpus pass, flushing took a
    /// seventh of the indexing threads' time, and merges and refreshes a fifth of all threads' (docs/benchmarks.md). A
    /// pass still ends searchable (it waits), and so does every API write made meanwhile.
    /// </summary>
    public static readonly TimeSpan BulkPassRefresh = TimeSpan.FromSeconds(30);

    /// <summary>The writers' RAM buffer (paragraphs' and statements') during a bulk pass: flushed segments are larger and fewer, so merges rewrite less.</summary>
    public const double BulkPassRamBufferSizeMB = 256;

    /// <summary>
    /// Until disposed, background refreshes come at <see cref="BulkPassRefresh"/> and the writer buffers up to
    /// <see cref="BulkPassRamBufferSizeMB"/>: for a corpus pass, which waits for its writes to be searchable at its end.
    /// </summary>
    public IDisposable BeginBulkPass()
    {
        lock (usersGate)
        {
            if (bulkPasses++ == 0)
            {
                Writer.Config.RAMBufferSizeMB = BulkPassRamBufferSizeMB;
                Statements.RamBufferSizeMB = BulkPassRamBufferSizeMB;
            }
        }
        return new EndOnce(EndBulkPass);
    }

    private void EndBulkPass()
    {
        lock (usersGate)
        {
            if (--bulkPasses == 0 && !closed)
            {
                Writer.Config.RAMBufferSizeMB = ramBufferSizeMB;
                Statements.RamBufferSizeMB = statementRamBufferSizeMB;
            }
        }
    }

    private void RefreshUnlessBulk()
    {
        if (Volatile.Read(ref bulkPasses) > 0)
            return;
        try
        {
            // Zero wait: only asks the reopen thread for a refresh soon.
            reopenThread.WaitForGeneration(Tracking.Generation, 0);
        }
        catch (ObjectDisposedException)
        {
            // Closed meanwhile: nothing is searched here any more.
        }
    }

    /// <summary>The folder holding this index's files.</summary>
    public string Folder { get; }

    public IndexWriter Writer { get; }

    /// <summary>The statements of this index's articles, in their own index beside it.</summary>
    public StatementIndex Statements { get; }

    public TrackingIndexWriter Tracking { get; }

    public SearcherManager Searchers { get; }

    /// <summary>Added to this writer's own generations: every generation of earlier indexes is at most this.</summary>
    public long GenerationBase { get; }

    /// <summary>The generation of the latest change made here, in the numbering that continues across swaps.</summary>
    public long LatestGeneration => GenerationBase + Tracking.Generation;

    /// <summary>The generation this writer's <paramref name="ownGeneration"/> has across swaps.</summary>
    public long Numbered(long ownGeneration) => GenerationBase + ownGeneration;

    /// <summary>
    /// Blocks until changes up to <paramref name="generation"/> are searchable here. Only the reopen thread refreshes
    /// <see cref="Searchers"/>, also for the timer and a merge: its refresh listener marks the generation it took at the
    /// start of its next refresh as searchable after any refresh, so one made on another thread, whose reader opened
    /// before writes the reopen thread had already counted, told their waiters they were searchable too early.
    /// </summary>
    public bool WaitForGeneration(long generation, TimeSpan timeout) =>
        generation <= GenerationBase || reopenThread.WaitForGeneration(generation - GenerationBase, (int)timeout.TotalMilliseconds);

    /// <summary>Counts a user (a search) that keeps this index open; false once it is retired.</summary>
    public bool TryEnter()
    {
        lock (usersGate)
        {
            if (retired)
                return false;
            users++;
            return true;
        }
    }

    /// <summary>Ends a use begun by <see cref="TryEnter"/>; the last one out of a retired index closes it.</summary>
    public void Leave()
    {
        lock (usersGate)
        {
            users--;
            if (!retired || users > 0 || closed)
                return;
            closed = true;
        }
        CloseDiscarding();
    }

    /// <summary>
    /// Takes no more users; once the last ends, closes without committing (its content lives on in the index that
    /// replaced it) and runs <paramref name="discard"/>, which removes its files.
    /// </summary>
    public void Retire(Action discard)
    {
        lock (usersGate)
        {
            retired = true;
            onRetiredClose = discard;
            if (users > 0 || closed)
                return;
            closed = true;
        }
        CloseDiscarding();
    }

    private void CloseDiscarding()
    {
        Shut(keepChanges: false);
        onRetiredClose?.Invoke();
    }

    /// <summary>Closes the live index at shutdown; <paramref name="keepChanges"/>: the writer commits what it was last given, else it drops what it buffered.</summary>
    public void Close(bool keepChanges)
    {
        lock (usersGate)
        {
            if (closed)
                return;
            closed = true;
        }
        Shut(keepChanges);
    }

    private void Shut(bool keepChanges)
    {
        using (var refreshesDone = new ManualResetEvent(false))
        {
            if (backgroundRefreshTimer.Dispose(refreshesDone))
                refreshesDone.WaitOne();
        }
        reopenThread.Dispose();
        Searchers.Dispose();
        // Statements first, as at every commit: a paragraph index never holds an article whose statements are lost.
        // Each writer is closed even when the other's close failed, so neither folder stays locked.
        try
        {
            Statements.Close(keepChanges);
        }
        finally
        {
            try
            {
                WriterClosing.Close(Writer, keepChanges);
            }
            finally
            {
                directory.Dispose();
            }
        }
    }
}
