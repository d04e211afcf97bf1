using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Core.Alerts;

/// <summary>
/// Matches what is written to the index against the alerts ahead of it becoming searchable, off the indexing path, and
/// publishes each article's notices the moment the refresh that makes it searchable happens. The index tells each write
/// with its generation (<see cref="SearchableWrites"/>) and the percolator hands it to a bounded channel without
/// waiting; one matching thread takes every write waiting, up to <see cref="MaxBatchArticles"/> articles, and matches
/// them as one batch (<see cref="AlertMatcher"/>): when matching falls behind a bulk pass, its batches grow and each
/// alert still runs once per batch, so it catches up. Each article's notices are held by the generation its write got
/// until a refresh covers it (<see cref="SearchableUpTo"/>), then handed to a delivery thread for its event streams and
/// webhooks; a newer write or a deletion of the article before that drops them: the version searchable is the version
/// delivered. When the channel is full (matching has fallen <see cref="Capacity"/> articles behind), indexing does not
/// wait and nothing is lost: the article is kept by id instead, and once it is searchable and the channel drained the
/// matching thread reads it back from the index as it is then (<paramref name="reread"/>). A new alert is compiled when
/// saved, and the presearcher made again whenever the alerts change. Every commit of the index records the ids of the
/// articles written and not yet published, and the next start, after a stop or a crash, reads those back and matches them.
/// So that notices are ready when their articles become searchable, also under a bulk pass that writes faster than
/// matching goes, a refresh waits for matching to reach the writes it covers (<see cref="BeforeSearchable"/>, at most
/// <see cref="MaxRefreshWait"/>), and a writer waits while <see cref="MaxLagArticles"/> articles wait for matching
/// (<see cref="Writing"/>, at most <see cref="MaxWriterWait"/>): indexing then goes at matching's pace. Neither ever
/// waits for delivery (a webhook).
/// </summary>
/// <param name="reread">An article as the index now holds it, with its facets; null once it is gone.</param>
public sealed class AlertPercolator(
    AlertStore store, AlertQueryCompiler compiler, AlertMatcher matcher, AlertEventStream events, WebhookSender webhooks,
    Func<string, SearchableArticle?> reread, ILogger<AlertPercolator> logger) : IWriteObserver, IDisposable
{
    /// <summary>Articles waiting to be matched before the overflow keeps ids only.</summary>
    public const int Capacity = 8192;

    /// <summary>The most articles matched as one batch (about 12,000 paragraphs of Reuters news).</summary>
    public const int MaxBatchArticles = 2000;

    /// <summary>
    /// Articles waiting for the matching thread beyond which a writer is held back: matching then stays within two
    /// batches of the writes, and its batches are as large as when it fell behind unchecked (each alert costs a query
    /// per batch). Below <see cref="Capacity"/>: a bulk pass does not overflow to ids, matched only once searchable.
    /// </summary>
    public const int MaxLagArticles = MaxBatchArticles;

    /// <summary>The longest one write is held back for matching: a stuck matching thread must not stop indexing.</summary>
    public static readonly TimeSpan MaxWriterWait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest a refresh waits for matching to reach the writes it covers; then it goes on, logged, and their
    /// notices follow once matched. As long as a bulk pass's refresh cadence (<see cref="IndexGeneration.BulkPassRefresh"/>):
    /// matching two batches with 10,000 alerts took 10 s and more on the loaded 2-core machine (docs/benchmarks.md).
    /// </summary>
    public TimeSpan MaxRefreshWait { get; set; } = IndexGeneration.BulkPassRefresh;

    private readonly Channel<(long Generation, SearchableArticle? Written)> writes =
        Channel.CreateBounded<(long, SearchableArticle?)>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Lock gate = new();
    private readonly object progress = new(); // pulsed whenever the matching thread takes or finishes a batch
    private long refreshesHeldTicks;
    private int refreshesWaiting;
    private long writersHeldTicks;
    private readonly Dictionary<string, HeldArticle> held = new(StringComparer.Ordinal);
    private readonly HashSet<string> overflow = new(StringComparer.Ordinal);
    private long searchableUpTo = long.MinValue;
    private readonly CompiledAlerts alerts = new(store, compiler, logger);
    private readonly UnmatchedArticles unmatched = new();
    private readonly AlertDelivery delivery = new(store, events, webhooks, matcher.Times, logger);
    private readonly CancellationTokenSource stopping = new();
    private Thread? matching;
    private SearchableWrites? observed;

    /// <summary>Articles handed over and not yet published (the overflow included).</summary>
    public long Pending => unmatched.Count;

    /// <summary>Articles matched and waiting for the refresh that makes them searchable.</summary>
    public int Held
    {
        get
        {
            lock (gate)
                return held.Values.Count(h => h.Events is not null && h.SearchableAt is null);
        }
    }

    /// <summary>How long refreshes have waited for matching, in all (<see cref="BeforeSearchable"/>).</summary>
    public TimeSpan RefreshesHeldBack => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref refreshesHeldTicks));

    /// <summary>How long writers have waited for matching, in all, summed over the writing threads (<see cref="Writing"/>).</summary>
    public TimeSpan WritersHeldBack => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref writersHeldTicks));

    /// <summary>Whether a refresh is waiting for matching now.</summary>
    internal bool RefreshWaiting => Volatile.Read(ref refreshesWaiting) > 0;

    /// <summary>Runs on the matching thread before each batch is matched: lets a test hold matching up.</summary>
    internal Action? BeforeBatch { get; set; }

    /// <inheritdoc cref="AlertDelivery.Matched"/>
    public event Action<int, TimeSpan>? Matched
    {
        add => delivery.Matched += value;
        remove => delivery.Matched -= value;
    }

    /// <summary>
    /// Compiles the alerts, resends the webhook notices a previous run left, and starts matching what the commit the
    /// index opened at had not published (<see cref="SearchableWrites.UnhandledAtOpen"/>) and what <paramref name="index"/> tells.
    /// </summary>
    public void Start(SearchableWrites index)
    {
        alerts.Follow();
        delivery.ResendLeftOver();
        if (alerts.Current.Count > 0)
        {
            var now = Stopwatch.GetTimestamp();
            lock (gate)
            {
                // Searchable since the index opened: read back from it at once.
                foreach (var id in index.UnhandledAtOpen.Where(id => held.TryAdd(id, new HeldArticle(long.MinValue) { SearchableAt = now })))
                {
                    overflow.Add(id);
                    unmatched.Add(id);
                }
            }
        }
        matching = new Thread(Match) { IsBackground = true, Name = "Alert matching" };
        matching.Start();
        delivery.Start(unmatched.Remove, () => observed?.Handled());
        observed = index;
        index.Observe(this, unmatched.Ids);
    }

    /// <summary>
    /// Runs on a writing thread before each write: while <see cref="MaxLagArticles"/> articles wait for matching, the
    /// writer waits until the matching thread takes them (at most <see cref="MaxWriterWait"/>).
    /// </summary>
    public void Writing()
    {
        if (alerts.Current.Count == 0 || writes.Reader.Count < MaxLagArticles)
            return;
        if (!WaitForMatching(() => writes.Reader.Count < MaxLagArticles, MaxWriterWait, ref writersHeldTicks))
            logger.LogWarning("A write waited {Seconds:F0} s for alert matching to take what is waiting, and goes on", MaxWriterWait.TotalSeconds);
    }

    /// <summary>
    /// Runs on the thread refreshing the index: waits until every write up to <paramref name="generation"/> that can be
    /// matched before it is searchable is matched (at most <see cref="MaxRefreshWait"/>), so its notices go at this
    /// refresh. Articles kept by id (<see cref="Capacity"/> exceeded) are read back only once searchable: not waited for.
    /// </summary>
    public void BeforeSearchable(long generation)
    {
        if (alerts.Current.Count == 0 || MatchedUpTo(generation))
            return;
        Interlocked.Increment(ref refreshesWaiting);
        var matched = WaitForMatching(() => MatchedUpTo(generation), MaxRefreshWait, ref refreshesHeldTicks);
        Interlocked.Decrement(ref refreshesWaiting);
        if (!matched)
            logger.LogWarning("A refresh waited {Seconds:F0} s for alert matching and goes on: the notices of its writes follow once matched",
                MaxRefreshWait.TotalSeconds);
    }

    /// <summary>
    /// Waits until <paramref name="done"/> (or stopping), at most <paramref name="most"/>, adding the time waited to
    /// <paramref name="heldTicks"/>; false when the time ran out first.
    /// </summary>
    private bool WaitForMatching(Func<bool> done, TimeSpan most, ref long heldTicks)
    {
        var started = Stopwatch.GetTimestamp();
        var finished = true;
        lock (progress)
        {
            while (!done() && !stopping.IsCancellationRequested)
            {
                var left = most - Stopwatch.GetElapsedTime(started);
                if (left <= TimeSpan.Zero)
                {
                    finished = false;
                    break;
                }
                Monitor.Wait(progress, left < PollEvery ? left : PollEvery);
            }
        }
        Interlocked.Add(ref heldTicks, Stopwatch.GetTimestamp() - started);
        return finished;
    }

    /// <summary>How often a wait for matching looks again without being woken (a deletion, say, ends it too).</summary>
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    private bool MatchedUpTo(long generation)
    {
        lock (gate)
        {
            foreach (var (id, article) in held)
            {
                if (article.Events is null && article.SearchableAt is null && article.Generation <= generation && !overflow.Contains(id))
                    return false;
            }
            return true;
        }
    }

    private void Progressed()
    {
        lock (progress)
            Monitor.PulseAll(progress);
    }

    /// <summary>Runs on the thread that wrote the article: hands it on, never waits.</summary>
    public void Written(long generation, SearchableArticle written)
    {
        if (alerts.Current.Count == 0)
            return;
        var id = written.Article.Id;
        lock (gate)
        {
            Drop(id);
            var article = new HeldArticle(generation);
            if (generation <= searchableUpTo) // told after the refresh that made it searchable
                article.SearchableAt = Stopwatch.GetTimestamp();
            held[id] = article;
            unmatched.Add(id);
            if (writes.Writer.TryWrite((generation, written)))
                return;
            // Also once stopping (the channel is closed): the overflow is kept for the next start.
            if (overflow.Count == 0 && !stopping.IsCancellationRequested)
                logger.LogWarning("Alert matching is {Capacity} articles behind: articles are kept by id and read back from the index", Capacity);
            overflow.Add(id);
        }
    }

    /// <summary>Runs on the thread that deleted the article: its held version, if older, is never published.</summary>
    public void Deleted(long generation, string articleId)
    {
        lock (gate)
        {
            if (held.TryGetValue(articleId, out var article) && article.Generation <= generation)
                Drop(articleId);
        }
    }

    /// <summary>Runs on the thread that refreshed the index: publishes what is matched and now searchable.</summary>
    public void SearchableUpTo(long generation)
    {
        var now = Stopwatch.GetTimestamp();
        var ready = new List<(string, HeldArticle)>();
        bool wake;
        lock (gate)
        {
            searchableUpTo = Math.Max(searchableUpTo, generation);
            foreach (var (id, article) in held)
            {
                if (article.SearchableAt is not null || article.Generation > generation)
                    continue;
                article.SearchableAt = now;
                if (article.Events is not null)
                    ready.Add((id, article));
            }
            foreach (var (id, _) in ready)
                held.Remove(id);
            wake = overflow.Count > 0;
        }
        foreach (var article in ready.OrderBy(r => r.Item2.Generation))
            delivery.Hand(article);
        if (wake)
            writes.Writer.TryWrite((long.MinValue, null)); // the overflow may be searchable now
    }

    /// <summary>Forgets the article's held version, matched or not. Under the lock.</summary>
    private void Drop(string id)
    {
        if (!held.Remove(id))
            return;
        overflow.Remove(id);
        unmatched.Remove(id);
    }

    private void Match()
    {
        var reader = writes.Reader;
        // The overflow is drained without waiting for another write: after a start that read back more than one
        // batch, or once the channel is drained behind a bulk pass, none may come.
        while (!stopping.IsCancellationRequested && (OverflowSearchable() || Wait(reader)))
        {
            var batch = new Dictionary<string, (long Generation, SearchableArticle Written)>(StringComparer.Ordinal);
            while (batch.Count < MaxBatchArticles && reader.TryRead(out var write))
            {
                if (write.Written is { } written && IsHeld(written.Article.Id, write.Generation))
                    batch[written.Article.Id] = (write.Generation, written); // a later write of the article replaces an earlier
            }
            if (batch.Count < MaxBatchArticles)
            {
                foreach (var (id, generation, current) in Reread(TakeOverflow(MaxBatchArticles - batch.Count)))
                    batch[id] = (generation, current);
            }
            Progressed(); // writers held back may go on while this batch is matched
            if (batch.Count > 0)
            {
                BeforeBatch?.Invoke();
                MatchAndHoldEach(batch.Values.ToList());
            }
            Progressed();
        }
    }

    /// <summary>Waits for a write to match: false once stopping, or when no more can come.</summary>
    private bool Wait(ChannelReader<(long, SearchableArticle?)> reader)
    {
        try
        {
            return !stopping.IsCancellationRequested && reader.WaitToReadAsync(stopping.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private bool IsHeld(string id, long generation)
    {
        lock (gate)
            return held.TryGetValue(id, out var article) && article.Generation == generation && article.Events is null;
    }

    /// <summary>Whether an article kept by id is searchable, so can be read back.</summary>
    private bool OverflowSearchable()
    {
        lock (gate)
            return overflow.Any(id => held[id].SearchableAt is not null);
    }

    private List<(string Id, long Generation)> TakeOverflow(int most)
    {
        lock (gate)
        {
            var taken = overflow.Select(id => (Id: id, Held: held[id])).Where(o => o.Held.SearchableAt is not null).Take(most)
                .Select(o => (o.Id, o.Held.Generation)).ToList();
            foreach (var (id, _) in taken)
                overflow.Remove(id);
            return taken;
        }
    }

    private IEnumerable<(string Id, long Generation, SearchableArticle Current)> Reread(List<(string Id, long Generation)> ids)
    {
        foreach (var (id, generation) in ids)
        {
            SearchableArticle? current;
            try
            {
                current = reread(id);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Alert matching could not read back article {ArticleId}; it is not matched", id);
                current = null;
            }
            if (current is not null)
            {
                yield return (id, generation, current);
                continue;
            }
            lock (gate)
            {
                if (held.TryGetValue(id, out var article) && article.Generation == generation)
                    Drop(id);
            }
        }
    }

    /// <summary>
    /// Matches the batch; when matching it fails, matches its articles one by one, and drops, logged, each that fails
    /// alone: one article or alert that breaks the matcher must not end matching for every later write (an exception
    /// escaping this thread would end the process).
    /// </summary>
    private void MatchAndHoldEach(List<(long Generation, SearchableArticle Written)> batch)
    {
        try
        {
            MatchAndHold(batch);
        }
        catch (Exception) when (batch.Count > 1)
        {
            foreach (var one in batch)
                MatchAndHoldEach([one]);
        }
        catch (Exception e)
        {
            var id = batch[0].Written.Article.Id;
            logger.LogError(e, "Alert matching failed on article {ArticleId}; it is not matched", id);
            lock (gate)
            {
                if (held.TryGetValue(id, out var article) && article.Generation == batch[0].Generation)
                    Drop(id);
            }
            observed?.Handled();
        }
    }

    /// <summary>Matches the batch and holds each article's notices, handing on at once those already searchable.</summary>
    private void MatchAndHold(List<(long Generation, SearchableArticle Written)> batch)
    {
        var found = matcher.Match(batch.Select(b => b.Written).ToList(), alerts.Current);
        MakeWebhookSnippets(found);
        var matched = found
            .GroupBy(e => e.Notice.Hits[0].ArticleId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<AlertEvent>)g.ToList(), StringComparer.Ordinal);
        var ready = new List<(string, HeldArticle)>();
        lock (gate)
        {
            foreach (var (generation, written) in batch)
            {
                var id = written.Article.Id;
                // Written again or deleted while it was matched: this version is never published.
                if (!held.TryGetValue(id, out var article) || article.Generation != generation)
                    continue;
                article.Events = matched.GetValueOrDefault(id, []);
                article.Paragraphs = written.Article.Paragraphs.Count;
                if (article.SearchableAt is null)
                    continue;
                held.Remove(id);
                ready.Add((id, article));
            }
        }
        foreach (var article in ready)
            delivery.Hand(article);
    }

    /// <summary>
    /// Makes the snippets of the notices bound for a webhook now, before their articles are searchable: they will be
    /// sent, and made while the notices were written to the outbox, they held up every notice of the refresh that made
    /// them searchable (7.3 s for 5,961 notices at load 45-56). Notices for an event stream only make theirs when read.
    /// </summary>
    private void MakeWebhookSnippets(IReadOnlyList<AlertEvent> found)
    {
        foreach (var published in found)
        {
            if (store.Find(published.Notice.AlertId)?.Webhook is null)
                continue;
            foreach (var hit in published.Notice.Hits)
                hit.MakeSnippet();
        }
    }

    /// <summary>
    /// Stops matching once the batch under way is done, and delivering once what was searchable and matched is handed
    /// on. What is left unpublished stays counted: the index's last commit, after this, records it for the next start.
    /// Called after the writes have stopped.
    /// </summary>
    public void Dispose()
    {
        alerts.Dispose();
        stopping.Cancel();
        Progressed();
        writes.Writer.TryComplete();
        matching?.Join(TimeSpan.FromSeconds(30));
        delivery.Dispose();
        stopping.Dispose();
    }
}
