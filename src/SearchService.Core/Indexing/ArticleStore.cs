using System.Collections.Concurrent;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;

namespace SearchService.Core.Indexing;

/// <summary>
/// Articles written and deleted through the API. Each write is appended to the <see cref="WriteJournal"/> and applied
/// to the index in journal order, then acknowledged once its line is on disk and it is searchable. At start-up the
/// journal lines that the index's last commit does not hold are replayed; a rebuild replays the whole journal, so
/// API writes outlive rebuilds from the corpus folder. Once most of the journal is lines that later writes of the same
/// articles superseded, it is compacted to each article's latest line (<see cref="Compact"/>). An article written or
/// deleted through the API keeps the API's version whatever its corpus file says later (<see cref="WriteUnlessHeld"/>).
/// A journal that cannot be made durable (a failed fsync) or a write the index could not apply stops all writes until
/// a restart, as PostgreSQL does: after a failed fsync the kernel may have dropped the data, so a retry proves nothing.
/// </summary>
public sealed class ArticleStore : IDisposable
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
    private readonly ILogger<ArticleStore> logger;
    private readonly WriteJournal journal;
    private readonly System.Threading.Lock appendLock = new();
    private readonly long compactAtBytes;
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

    /// <param name="compactAtBytes">Journal length from which it is compacted when mostly superseded.</param>
    public ArticleStore(SearchIndex index, IFacetExtractor extractor, ILogger<ArticleStore> logger, long compactAtBytes = DefaultCompactAtBytes)
        : this(index, extractor, logger, compactAtBytes, OpenJournal(index.Path))
    {
    }

    /// <param name="journal">The journal in the index folder (tests pass one whose flush fails).</param>
    internal ArticleStore(SearchIndex index, IFacetExtractor extractor, ILogger<ArticleStore> logger, long compactAtBytes, WriteJournal journal)
    {
        this.index = index;
        this.extractor = extractor;
        this.logger = logger;
        this.compactAtBytes = compactAtBytes;
        this.journal = journal;
        ReplayUncommitted();
        CompactIfMostlySuperseded();
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

    /// <summary>Creates or replaces an article; returns once it is durable and searchable.</summary>
    public async Task PutAsync(Article article, CancellationToken cancellation = default)
    {
        var (end, generation) = Apply(article, extractor.Extract(article));
        await MakeDurableAsync(end, cancellation);
        await WaitSearchableAsync(generation);
        CompactIfMostlySuperseded();
    }

    /// <summary>Deletes an article; false when no such article is indexed.</summary>
    public async Task<bool> DeleteAsync(string articleId, CancellationToken cancellation = default)
    {
        ThrowIfWritesStopped();
        if (!Exists(articleId))
            return false;
        var (end, generation) = Journaled(articleId, DeleteLine(articleId), end => index.DeleteJournaledArticle(articleId, end));
        await MakeDurableAsync(end, cancellation);
        await WaitSearchableAsync(generation);
        CompactIfMostlySuperseded();
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
        ThrowIfWritesStopped();
        using var reader = new Utf8LineReader(body, leaveOpen: true);
        int lineNumber = 0, written = 0, failed = 0;
        long end = 0, generation = 0;
        while (true)
        {
            ReadOnlyMemory<byte>? read;
            try
            {
                read = await reader.ReadLineAsync(cancellation);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                var applied = new BulkResult(lineNumber, written, failed);
                if (written > 0)
                {
                    await MakeDurableAsync(end, CancellationToken.None);
                    await WaitSearchableAsync(generation);
                }
                logger.LogWarning("A bulk write was cut off after line {Lines} ({Reason}); its {Written} articles up to there are durable and searchable",
                    lineNumber, e.GetType().Name, written);
                throw new BulkCutOffException(applied, e);
            }
            if (read is not { } bytes)
                break;
            lineNumber++;
            var article = JsonlArticleReader.ParseLine(bytes.Span, reader.LineTooLong, out var problem);
            if (article is null)
            {
                if (problem is not null)
                {
                    failed++;
                    reportBadLine(lineNumber, problem);
                }
                continue;
            }
            (end, generation) = Apply(article, extractor.Extract(article));
            written++;
        }
        if (written > 0)
        {
            await MakeDurableAsync(end, cancellation);
            await WaitSearchableAsync(generation);
            CompactIfMostlySuperseded();
        }
        return new BulkResult(lineNumber, written, failed);
    }

    /// <summary>Replays the journal as it was when the rebuild began; later writes reach the rebuild directly.</summary>
    public void ReplayInto(IndexRebuild rebuild)
    {
        foreach (var (line, _) in journal.ReadFrom(0, rebuild.JournalSnapshot))
        {
            if (ParseEntry(line) is not { } entry)
                continue;
            if (entry.Article is { } article)
                rebuild.ReplaceArticle(article, extractor.Extract(article), null);
            else
                rebuild.DeleteArticle(entry.Id);
        }
    }

    private (long End, long Generation) Apply(Article article, ArticleFacets facets) =>
        Journaled(article.Id, PutLine(article), end => index.ReplaceJournaledArticle(article, facets, end));

    /// <summary>
    /// Appends a journal line and applies it to the index, in journal order. If either fails, the journal and the index
    /// may disagree on this line (a restart's replay settles it), so no later write may be acknowledged before then.
    /// </summary>
    private (long End, long Generation) Journaled(string articleId, byte[] line, Func<long, long> applyToIndex)
    {
        lock (appendLock)
        {
            ThrowIfWritesStopped();
            try
            {
                var end = Append(articleId, line);
                return (end, applyToIndex(end));
            }
            catch (Exception e) when (e is not WriteRefusedException)
            {
                throw StopWrites("a write could not be journaled and applied to the index", e);
            }
        }
    }

    private async Task MakeDurableAsync(long end, CancellationToken cancellation)
    {
        try
        {
            await journal.MakeDurableAsync(end, cancellation);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw StopWrites("the write journal could not be flushed to disk", e);
        }
        // Another writer's flush failed while this one waited for it.
        ThrowIfWritesStopped();
    }

    private WriteRefusedException StopWrites(string reason, Exception cause)
    {
        if (Interlocked.CompareExchange(ref writesStoppedBecause, reason, null) is null)
            logger.LogCritical(cause, "Writes are stopped until the service restarts: {Reason}. Nothing from now on is acknowledged; searches go on", reason);
        return new WriteRefusedException(
            $"The write was not acknowledged: {reason}. Writes are refused until the service restarts; searches go on.", writesStopped: true, cause);
    }

    private void ThrowIfWritesStopped()
    {
        if (writesStoppedBecause is { } reason)
            throw new WriteRefusedException(
                $"Writes are refused until the service restarts: {reason}. Searches go on.", writesStopped: true);
    }

    /// <summary>
    /// Runs <paramref name="write"/>, a corpus write of the article <paramref name="articleId"/>, unless the API holds
    /// that article (wrote or deleted it): then the API's version stands, as after a rebuild, which replays API writes
    /// over the corpus. Returns whether it ran.
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

    private long Append(string articleId, byte[] line)
    {
        var start = journal.Length;
        var end = journal.Append(line);
        // Held before the write reaches the index, and no corpus write of the id is half-way meanwhile.
        precedenceGate.EnterWriteLock();
        try
        {
            Supersede(articleId, new LineSpan(start, end));
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
    /// wait. The index commits what it holds around the swap (<see cref="SearchIndex.RewriteJournal"/>), so a crash at
    /// any point replays nothing twice and loses nothing. Returns false, doing nothing, while a rebuild is under way.
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

    /// <summary>Whether an article with this id is searchable now.</summary>
    public bool Exists(string articleId) =>
        index.Search(searcher => searcher.Search(new TermQuery(new Term(IndexSchema.ArticleId, articleId)), 1).TotalHits > 0);

    private async Task WaitSearchableAsync(long generation)
    {
        if (!await Task.Run(() => index.WaitForGeneration(generation, SearchableWithin)))
            throw new WriteRefusedException(
                $"The write is durable but was not searchable within {SearchableWithin.TotalSeconds:F0} s; sending it again is safe.", writesStopped: false);
    }

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
                if ((uncommitted ? ParseEntry(line) : ParseEntry(line, idOnly: true)) is { } entry)
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
        // Acknowledged before the crash, so searchable before the service says it is ready.
        if (!index.WaitUntilSearchable(SearchableWithin))
            logger.LogError("The {Count} API writes replayed from {Journal} were not searchable within {Seconds} s", replayed, journal.Path, SearchableWithin.TotalSeconds);
        if (replayed > 0)
            logger.LogInformation("Replayed {Count} API writes from {Journal} that the index had not committed", replayed, journal.Path);
    }

    private static byte[] PutLine(Article article)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("op", "put");
            json.WriteString("id", article.Id);
            json.WriteString("title", article.Title);
            if (article.Date is { } date)
                json.WriteString("date", date.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            WriteOptional(json, "byline", article.Byline);
            WriteOptional(json, "dateline", article.Dateline);
            WriteOptional(json, "source", article.Source);
            json.WriteStartArray("paragraphs");
            foreach (var paragraph in article.Paragraphs)
                json.WriteStringValue(paragraph);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static byte[] DeleteLine(string articleId) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["op"] = "delete", ["id"] = articleId });

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
            json.WriteString(name, value);
    }

    /// <param name="idOnly">Only the article id is wanted (a line the index holds already): the article is not parsed.</param>
    private JournalEntry? ParseEntry(string line, bool idOnly = false)
    {
        string? id;
        try
        {
            using var json = JsonDocument.Parse(line);
            id = json.RootElement.GetProperty("id").GetString();
            if (idOnly || (json.RootElement.TryGetProperty("op", out var op) && op.ValueEquals("delete")))
                return id is null ? null : new JournalEntry(id, null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            logger.LogWarning("Skipped an unreadable line of {Journal}", journal.Path);
            return null;
        }
        return JsonlArticleReader.ParseLine(line, out _) is { } article ? new JournalEntry(article.Id, article) : null;
    }

    /// <summary>A journal line: a write (<paramref name="Article"/>) or, without one, a delete.</summary>
    private sealed record JournalEntry(string Id, Article? Article);

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
