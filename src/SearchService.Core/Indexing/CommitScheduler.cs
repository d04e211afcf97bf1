using Lucene.Net.Index;
using Microsoft.Extensions.Logging;

namespace SearchService.Core.Indexing;

/// <summary>
/// When the index commits and what each commit records. Writes schedule a commit <see cref="CommitDelay"/> later, and
/// writes in between share it (debounced); the commit's user data comes from the registered
/// <see cref="ICommitContributor"/>s, asked under the commit lock just before it. Once closed it commits no more; once a
/// commit has failed neither: the writer may have dropped what it buffered, and a later commit would record the journal
/// and the corpus files as held all the same, so the last good commit stays the one a restart resumes from.
/// </summary>
internal sealed class CommitScheduler
{
    /// <summary>How long after a write the commit follows; writes in between share one commit.</summary>
    public static readonly TimeSpan CommitDelay = TimeSpan.FromSeconds(5);

    private readonly ICommitContributor[] contributors;
    private readonly Timer timer;
    private readonly System.Threading.Lock commitLock = new();
    private int pending;
    private int holds;
    private int dueWhileHeld;
    private long lastWriteTicks; // Environment.TickCount64 of the latest write
    // Set under commitLock, read without it: every write reads Failure, and waiting for a commit under way to read it
    // stalled every indexing thread for the length of that commit (a sixth of a corpus pass's time, measured).
    private volatile bool closed;
    private volatile Exception? failure;
    private volatile bool closing;
    // Held while a due commit runs, on the timer or at a hold's end: closing waits for it, as for the timer's callback.
    private readonly System.Threading.Lock dueLock = new();
    private readonly ILogger logger;
    private readonly string indexPath;
    private readonly Action due;

    /// <param name="due">Runs when a scheduled commit is due, on the timer or at the end of a hold (the index commits, and may merge).</param>
    public CommitScheduler(IEnumerable<ICommitContributor> contributors, Action due, ILogger logger, string indexPath)
    {
        this.contributors = [.. contributors];
        this.logger = logger;
        this.indexPath = indexPath;
        this.due = due;
        timer = new Timer(_ =>
        {
            // Held: the commit waits for the hold's end, and pending stays set so that no write re-arms the timer meanwhile.
            // Whichever of this and the end of the hold takes dueWhileHeld back runs it, so it is neither lost nor doubled.
            if (Volatile.Read(ref holds) > 0)
            {
                Interlocked.Exchange(ref dueWhileHeld, 1);
                if (Volatile.Read(ref holds) > 0 || Interlocked.Exchange(ref dueWhileHeld, 0) == 0)
                    return;
            }
            RunDue();
        }, null, Timeout.Infinite, Timeout.Infinite);
    }

    private void RunDue()
    {
        lock (dueLock)
        {
            // Closing: its last commit holds everything.
            if (closing)
                return;
            Interlocked.Exchange(ref pending, 0);
            try
            {
                due();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                logger.LogCritical(e, "Committing the index in {IndexPath} failed; it takes no writes until the service restarts", indexPath);
            }
        }
    }

    /// <summary>Whether <see cref="CommitDelay"/> has passed since the latest write.</summary>
    public bool WritesPaused => Environment.TickCount64 - Volatile.Read(ref lastWriteTicks) >= CommitDelay.TotalMilliseconds;

    /// <summary>Why commits are refused until a restart (a commit failed), or null.</summary>
    public Exception? Failure
    {
        get => failure;
    }

    /// <summary>Whether commits have ended (the index is closing or closed).</summary>
    public bool IsClosed
    {
        get => closed;
    }

    /// <summary>A write was made: a commit follows within <see cref="CommitDelay"/>.</summary>
    public void WriteMade()
    {
        Volatile.Write(ref lastWriteTicks, Environment.TickCount64);
        Schedule();
    }

    /// <summary>Something a contributor records changed: a commit follows within <see cref="CommitDelay"/>.</summary>
    public void Schedule()
    {
        if (Interlocked.CompareExchange(ref pending, 1, 0) == 0)
            timer.Change(CommitDelay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Holds scheduled commits back until disposed; one that falls due meanwhile runs as the last hold ends, on its thread. A
    /// corpus pass holds them while it writes a file: a commit flushes every thread's segment and syncs the files, and
    /// meanwhile the writing threads wait on Lucene's locks, while a crash in the middle of a file indexes it again
    /// anyway (a file is recorded once it is whole), and an API write is durable in its journal first.
    /// Explicit commits (<see cref="Commit"/>) are not held.
    /// </summary>
    public IDisposable HoldScheduled()
    {
        Interlocked.Increment(ref holds);
        return new EndOnce(EndHold);
    }

    private void EndHold()
    {
        if (Interlocked.Decrement(ref holds) > 0 || Interlocked.Exchange(ref dueWhileHeld, 0) == 0)
            return;
        // On the thread ending the hold, before it takes the next: handed back to the timer, the commit often ran after
        // a corpus pass had begun its next file, and a pass of many small files went uncommitted to its end.
        RunDue();
    }

    /// <summary>The user data a commit made now would record.</summary>
    public static Dictionary<string, string> CommitData(IEnumerable<ICommitContributor> from)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var contributor in from)
            contributor.Contribute(data);
        return data;
    }

    /// <summary>
    /// Commits <paramref name="writer"/> with the contributors' data now, unless closed; tells them once it is durable.
    /// Throws an <see cref="IOException"/> once a commit has failed.
    /// </summary>
    public void Commit(IndexWriter writer)
    {
        lock (commitLock)
        {
            if (closed)
                return;
            if (failure is not null)
                throw new IOException("An earlier commit of the index failed; nothing more is committed until the service restarts.", failure);
            Dictionary<string, string> data;
            try
            {
                // A contributor may write too (the statements beside the index): its failure is the commit's.
                data = CommitData(contributors);
                writer.SetCommitData(data);
                writer.Commit();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failure = e;
                throw;
            }
            foreach (var contributor in contributors)
                contributor.OnCommitted(data);
        }
    }

    /// <summary>
    /// Stops the timer, waiting for a due commit under way (on the timer or at a hold's end); <paramref name="finalCommit"/> then runs before commits end, unless
    /// a commit failed. Returns whether the last commit succeeded (the writer may then commit as it closes).
    /// </summary>
    public bool Close(Action finalCommit)
    {
        closing = true;
        using (var callbacksDone = new ManualResetEvent(false))
        {
            if (timer.Dispose(callbacksDone))
                callbacksDone.WaitOne();
        }
        lock (dueLock)
        {
            // A due commit a hold's end began has ended.
        }
        try
        {
            if (Failure is null)
                finalCommit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Recorded as a failed commit (Commit): the index then closes without committing, releasing its folder,
            // instead of leaving its writers open and the folder locked for this process's life (a folder deleted under it).
            logger.LogCritical(e, "The last commit of the index in {IndexPath} failed; it closes without it", indexPath);
        }
        lock (commitLock)
        {
            closed = true;
            return failure is null;
        }
    }
}
