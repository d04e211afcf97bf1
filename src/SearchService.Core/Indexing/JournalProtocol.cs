using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SearchService.Core.Facets;

namespace SearchService.Core.Indexing;

/// <summary>
/// The one owner of the API write path: how a write goes through the <see cref="WriteJournal"/> into the
/// <see cref="SearchIndex"/>, how a restart and a rebuild get it back, how the journal is compacted, and how API writes
/// take precedence over corpus files. <see cref="ArticleStore"/> is the API's facade over it. Its invariants:
/// <list type="number">
/// <item>Journal order is index order: a line is appended and applied to the index under one lock, so the index applies
/// lines in journal order, and the index's applied journal offset is the end of the last line it applied.</item>
/// <item>Nothing is acknowledged before its line is on disk (<see cref="AcknowledgeAsync"/>: fsync, shared by writers
/// waiting at once) and searchable.</item>
/// <item>A line that could not be appended and applied, or a journal that could not be flushed, stops every later write
/// until a restart (as PostgreSQL does after a failed fsync: a retry proves nothing).</item>
/// <item>Each index commit records the journal offset it holds; <see cref="ReplayUncommitted"/> applies every complete
/// line after it, in order, and a line a crash cut short (never acknowledged) is dropped.</item>
/// <item>An article the journal holds (written or deleted through the API) is never overwritten by a corpus write: its id
/// is held before its line reaches the index, and no corpus write of that id is half-way meanwhile
/// (<see cref="WriteUnlessHeld"/>).</item>
/// <item>Compaction keeps each article's latest line, in journal order, while appends wait, between two commits that
/// hold the whole journal (<see cref="SearchIndex.RewriteJournal"/>), and never while a rebuild replays the journal:
/// a crash at any point replays nothing twice and loses nothing.</item>
/// <item>A rebuild gets the journal as it was when the rebuild began (<see cref="ReplayInto"/>); later writes reach it
/// directly from the index.</item>
/// </list>
/// </summary>
public sealed class JournalProtocol : IDisposable
{
    /// <summary>
    /// An acknowledged write is searchable by the time its answer leaves (normally within milliseconds); a write not
    /// searchable after this long is answered as refused, though durable, and a retry of it is safe.
    /// </summary>
    public static readonly TimeSpan SearchableWithin = TimeSpan.FromSeconds(30);

    /// <summary>The journal is compacted once it is at least this long and more than half of it is superseded.</summary>
    public const long DefaultCompactAtBytes = 16 * 1024 * 1024;

    private readonly SearchIndex index;
    private readonly IFacetExtractor extractor;
    private readonly ILogger logger;
    private readonly WriteJournal journal;
    private readonly long compactAtBytes;
    private readonly TimeSpan searchableWithin;
    private readonly System.Threading.Lock appendLock = new();
    // Under appendLock: each article id's latest journal line, and their total length; the rest is superseded.
    private readonly Dictionary<string, LineSpan> latest = new(StringComparer.Ordinal);
    private long latestBytes;
    // The ids in `latest`, readable without appendLock by corpus writes.
    private readonly ConcurrentDictionary<string, byte> held = new(StringComparer.Ordinal);
    // Corpus writes share it; an API write takes it alone, so a corpus write never lands over an API write's id.
    private readonly ReaderWriterLockSlim precedenceGate = new();
    private int compacting;
    private bool disposed;
    private volatile string? writesStoppedBecause;

    private JournalProtocol(SearchIndex index, IFacetExtractor extractor, ILogger logger, long compactAtBytes, WriteJournal journal, TimeSpan searchableWithin)
    {
        this.index = index;
        this.extractor = extractor;
        this.logger = logger;
        this.compactAtBytes = compactAtBytes;
        this.journal = journal;
        this.searchableWithin = searchableWithin;
    }

    /// <summary>
    /// Opens the journal in the index's folder and replays into the index what its last commit does not hold
    /// (<see cref="ReplayUncommitted"/>); returns once that is committed and searchable.
    /// </summary>
    /// <param name="compactAtBytes">Journal length from which it is compacted when mostly superseded.</param>
    /// <param name="journal">The journal in the index folder; null opens it (tests pass one whose flush fails).</param>
    /// <param name="searchableWithin">How long an acknowledgement waits for its write to be searchable; null: <see cref="SearchableWithin"/> (tests wait less).</param>
    public static JournalProtocol Open(
        SearchIndex index, IFacetExtractor extractor, ILogger<JournalProtocol> logger, long compactAtBytes = DefaultCompactAtBytes,
        WriteJournal? journal = null, TimeSpan? searchableWithin = null)
    {
        var protocol = new JournalProtocol(index, extractor, logger, compactAtBytes, journal ?? OpenJournal(index.Path),
            searchableWithin ?? SearchableWithin);
        protocol.ReplayUncommitted();
        protocol.CompactIfMostlySuperseded();
        return protocol;
    }

    private static WriteJournal OpenJournal(string folder)
    {
        try
        {
            return new WriteJournal(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IndexUnavailableException(folder, e);
        }
    }

    /// <summary>Why writes are refused until a restart, or null while they are taken.</summary>
    public string? WritesStoppedBecause => writesStoppedBecause;

    /// <summary>
    /// Appends <paramref name="entry"/> to the journal and applies it to the index, in journal order (invariant 1); not
    /// yet acknowledged. <paramref name="facets"/> are the article's (null for a delete).
    /// </summary>
    public JournaledWrite Write(JournalEntry entry, ArticleFacets? facets)
    {
        lock (appendLock)
        {
            ThrowIfWritesStopped();
            try
            {
                var end = Append(entry);
                var generation = entry.Article is { } article
                    ? index.ReplaceJournaledArticle(article, facets ?? extractor.Extract(article), end)
                    : index.DeleteJournaledArticle(entry.Id, end);
                return new JournaledWrite(end, generation);
            }
            catch (Exception e) when (e is not WriteRefusedException)
            {
                // The journal and the index may disagree on this line (a restart's replay settles it).
                throw StopWrites("a write could not be journaled and applied to the index", e);
            }
        }
    }

    /// <summary>Returns once <paramref name="write"/> (and every write before it) is on disk and searchable (invariant 2).</summary>
    public async Task AcknowledgeAsync(JournaledWrite write, CancellationToken cancellation = default)
    {
        try
        {
            await journal.MakeDurableAsync(write.End, cancellation);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw StopWrites("the write journal could not be flushed to disk", e);
        }
        // Another writer's flush failed while this one waited for it.
        ThrowIfWritesStopped();
        if (!await Task.Run(() => index.WaitForGeneration(write.Generation, searchableWithin), CancellationToken.None))
            throw new WriteRefusedException(
                $"The write is durable but was not searchable within {searchableWithin.TotalSeconds:0.###} s; sending it again is safe.", writesStopped: false);
        CompactIfMostlySuperseded();
    }

    /// <summary>Refuses the write when writes are stopped (invariant 3).</summary>
    public void ThrowIfWritesStopped()
    {
        if (writesStoppedBecause is { } reason)
            throw new WriteRefusedException(
                $"Writes are refused until the service restarts: {reason}. Searches go on.", writesStopped: true);
    }

    private WriteRefusedException StopWrites(string reason, Exception cause)
    {
        if (Interlocked.CompareExchange(ref writesStoppedBecause, reason, null) is null)
            logger.LogCritical(cause, "Writes are stopped until the service restarts: {Reason}. Nothing from now on is acknowledged; searches go on", reason);
        return new WriteRefusedException(
            $"The write was not acknowledged: {reason}. Writes are refused until the service restarts; searches go on.", writesStopped: true, cause);
    }

    /// <summary>
    /// Runs <paramref name="write"/>, a corpus write of the article <paramref name="articleId"/>, unless the API holds
    /// that article (wrote or deleted it): then the API's version stands, as after a rebuild, which replays API writes
    /// over the corpus (invariant 5). Returns whether it ran.
    /// </summary>
    public bool WriteUnlessHeld(string articleId, Action write)
    {
        precedenceGate.EnterReadLock();
        try
        {
            if (held.ContainsKey(articleId))
                return false;
            write();
            return true;
        }
        finally
        {
            precedenceGate.ExitReadLock();
        }
    }

    /// <summary>Replays the journal as it was when the rebuild began; later writes reach the rebuild directly (invariant 7).</summary>
    public void ReplayInto(IndexRebuild rebuild)
    {
        foreach (var (line, _) in journal.ReadFrom(0, rebuild.JournalSnapshot))
        {
            if (Parse(line) is not { } entry)
                continue;
            if (entry.Article is { } article)
                rebuild.ReplaceArticle(article, extractor.Extract(article), null);
            else
                rebuild.DeleteArticle(entry.Id);
        }
    }

    private long Append(JournalEntry entry)
    {
        var start = journal.Length;
        var end = journal.Append(entry.ToLine());
        // Held before the write reaches the index, and no corpus write of the id is half-way meanwhile.
        precedenceGate.EnterWriteLock();
        try
        {
            Supersede(entry.Id, new LineSpan(start, end));
        }
        finally
        {
            precedenceGate.ExitWriteLock();
        }
        return end;
    }

    private void Supersede(string articleId, LineSpan line)
    {
        if (latest.TryGetValue(articleId, out var previous))
            latestBytes -= previous.Length;
        latest[articleId] = line;
        latestBytes += line.Length;
        held.TryAdd(articleId, 0);
    }

    private void CompactIfMostlySuperseded()
    {
        long length, live;
        lock (appendLock)
            (length, live) = (journal.Length, latestBytes);
        if (length < compactAtBytes || live * 2 > length || Interlocked.CompareExchange(ref compacting, 1, 0) != 0)
            return;
        // Off the request that crossed the line: compacting rewrites the journal and commits the index twice.
        _ = Task.Run(() =>
        {
            try
            {
                Compact();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogError(e, "Compacting the API write journal {Journal} failed; it is used as it is", journal.Path);
            }
            finally
            {
                Volatile.Write(ref compacting, 0);
            }
        });
    }

    /// <summary>
    /// Rewrites the journal to the latest line of each article (a write or a delete, in journal order), while writes
    /// wait (invariant 6). Returns false, doing nothing, while a rebuild is under way.
    /// </summary>
    public bool Compact()
    {
        lock (appendLock)
        {
            if (disposed)
                return false;
            var before = journal.Length;
            var kept = latest.ToDictionary(kv => kv.Value.End, kv => kv.Key);
            var moved = new Dictionary<string, LineSpan>(StringComparer.Ordinal);
            bool compacted;
            try
            {
                compacted = index.RewriteJournal(before, () => journal.Replace(KeptLines(before, kept, moved)));
            }
            catch
            {
                // Whichever file the journal is now, the index holds all of it.
                index.HoldJournalUpTo(journal.Length);
                if (journal.Length != before)
                    Relocate(moved);
                throw;
            }
            if (compacted)
            {
                Relocate(moved);
                logger.LogInformation("Compacted the API write journal {Journal} from {Before} to {After} bytes",
                    journal.Path, before, journal.Length);
            }
            return compacted;
        }
    }

    private IEnumerable<string> KeptLines(long length, Dictionary<long, string> kept, Dictionary<string, LineSpan> moved)
    {
        long at = 0;
        foreach (var (line, end) in journal.ReadFrom(0, length))
        {
            if (!kept.TryGetValue(end, out var articleId))
                continue;
            var next = at + System.Text.Encoding.UTF8.GetByteCount(line) + 1;
            moved[articleId] = new LineSpan(at, next);
            at = next;
            yield return line;
        }
    }

    private void Relocate(Dictionary<string, LineSpan> moved)
    {
        latest.Clear();
        latestBytes = 0;
        foreach (var (articleId, line) in moved)
            Supersede(articleId, line);
    }

    /// <summary>
    /// Applies to the index every complete journal line after the offset its last commit holds (invariant 4), and
    /// learns which articles the journal holds; then commits, and waits until the replayed writes are searchable:
    /// they were acknowledged before the restart.
    /// </summary>
    private void ReplayUncommitted()
    {
        var from = Math.Min(index.CommittedJournalOffset, journal.Length);
        var replayed = 0;
        lock (appendLock)
        {
            long start = 0;
            foreach (var (line, end) in journal.ReadFrom(0))
            {
                var uncommitted = end > from;
                if (Parse(line, idOnly: !uncommitted) is { } entry)
                {
                    Supersede(entry.Id, new LineSpan(start, end));
                    if (uncommitted)
                    {
                        if (entry.Article is { } article)
                            index.ReplaceJournaledArticle(article, extractor.Extract(article), end);
                        else
                            index.DeleteJournaledArticle(entry.Id, end);
                        replayed++;
                    }
                }
                start = end;
            }
            // The commit now holds the journal exactly as it is on disk, whatever a crash cut off its end.
            index.HoldJournalUpTo(journal.Length);
        }
        index.Commit();
        if (!index.WaitUntilSearchable(SearchableWithin))
            logger.LogError("The {Count} API writes replayed from {Journal} were not searchable within {Seconds} s", replayed, journal.Path, SearchableWithin.TotalSeconds);
        if (replayed > 0)
            logger.LogInformation("Replayed {Count} API writes from {Journal} that the index had not committed", replayed, journal.Path);
    }

    private JournalEntry? Parse(string line, bool idOnly = false)
    {
        var entry = JournalEntry.Parse(line, idOnly);
        if (entry is null)
            logger.LogWarning("Skipped an unreadable line of {Journal}", journal.Path);
        return entry;
    }

    /// <summary>Where a journal line starts and ends (after its newline).</summary>
    private readonly record struct LineSpan(long Start, long End)
    {
        public long Length => End - Start;
    }

    public void Dispose()
    {
        // Waits for a compaction under way.
        lock (appendLock)
        {
            if (disposed)
                return;
            disposed = true;
            journal.Dispose();
            precedenceGate.Dispose();
        }
    }
}
