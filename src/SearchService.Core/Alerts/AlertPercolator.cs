using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Core.Alerts;

/// <summary>
/// Matches what becomes searchable against the alerts, off the indexing path: the index hands each refresh's articles
/// (<see cref="SearchableWrites"/>) to a bounded channel without waiting, and one worker thread matches them
/// (<see cref="AlertMatcher"/>) and delivers each alert's notice to its event stream and its webhook. The worker takes
/// every refresh waiting, up to <see cref="MaxBatchArticles"/> articles, and matches them as one batch: when matching
/// falls behind a bulk pass, its batches grow and each alert still runs once per batch, so it catches up. When the
/// channel is full (matching has fallen <see cref="Capacity"/> refreshes behind), indexing does not wait and nothing is
/// lost: the articles' ids are kept instead, and once the channel is drained the worker reads those articles back from
/// the index as they are then (<paramref name="reread"/>) and matches them. A new alert is compiled when saved, and the
/// presearcher made again whenever the alerts change. Every commit of the index records the ids of the articles written
/// and not yet matched (<see cref="SearchableWrites"/>), and the next start, after a stop or a crash, reads those back
/// from the index and matches them.
/// </summary>
/// <param name="reread">An article as the index now holds it, with its facets; null once it is gone.</param>
public sealed class AlertPercolator(
    AlertStore store, AlertQueryCompiler compiler, AlertMatcher matcher, AlertEventStream events, WebhookSender webhooks,
    Func<string, SearchableArticle?> reread, ILogger<AlertPercolator> logger) : IDisposable
{
    /// <summary>Refreshes' worth of articles waiting to be matched before the overflow takes ids only.</summary>
    public const int Capacity = 256;

    /// <summary>The most articles matched as one batch (about 12,000 paragraphs of Reuters news).</summary>
    public const int MaxBatchArticles = 2000;

    private readonly Channel<(IReadOnlyList<SearchableArticle> Articles, long SearchableAt)> searchable =
        Channel.CreateBounded<(IReadOnlyList<SearchableArticle>, long)>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Dictionary<string, long> overflow = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AlertQuery?> compiledById = new(StringComparer.Ordinal);
    private volatile AlertPresearcher alerts = AlertPresearcher.Empty;
    private readonly UnmatchedArticles unmatched = new();
    private readonly CancellationTokenSource stopping = new();
    private Thread? worker;
    private SearchableWrites? observed;

    /// <summary>Articles handed over and not yet matched (the overflow included).</summary>
    public long Pending => unmatched.Count;

    /// <summary>
    /// Raised on the matching thread once the paragraphs of one refresh are matched and their notices handed to
    /// delivery: how many paragraphs, and how long after they became searchable.
    /// </summary>
    public event Action<int, TimeSpan>? Matched;

    /// <summary>
    /// Compiles the alerts, resends the webhook notices a previous run left, and starts matching what the commit the
    /// index opened at had not matched (<see cref="SearchableWrites.UnhandledAtOpen"/>) and what <paramref name="writes"/> tells.
    /// </summary>
    public void Start(SearchableWrites writes)
    {
        Compile();
        store.Changed += Compile;
        // Kept as published: a match the last run sent to the outbox and the commit still listed as unmatched is
        // matched again below, and must not be sent twice.
        foreach (var resent in webhooks.ResendPending(id => store.Find(id) is not null))
            events.Publish(resent);
        var left = writes.UnhandledAtOpen;
        if (alerts.Count > 0 && left.Count > 0)
        {
            var now = Stopwatch.GetTimestamp();
            lock (overflow)
            {
                foreach (var id in left.Where(id => overflow.TryAdd(id, now)))
                    unmatched.Add(id);
            }
            searchable.Writer.TryWrite(([], now)); // wakes the worker for them
        }
        worker = new Thread(Run) { IsBackground = true, Name = "Alert matching" };
        worker.Start();
        observed = writes;
        writes.Observe(Offer, unmatched.Ids);
    }

    /// <summary>
    /// Makes the presearcher of the alerts now stored, compiling only those not compiled before (an alert never changes
    /// once saved): it runs in the request that adds or deletes one, and compiling 10,000 took seconds.
    /// </summary>
    private void Compile()
    {
        lock (compiledById)
        {
            var stored = store.All();
            var current = new HashSet<string>(stored.Select(a => a.Id), StringComparer.Ordinal);
            foreach (var gone in compiledById.Keys.Where(id => !current.Contains(id)).ToList())
                compiledById.Remove(gone);
            foreach (var alert in stored.Where(a => !compiledById.ContainsKey(a.Id)))
            {
                try
                {
                    compiledById[alert.Id] = compiler.Compile(alert);
                }
                catch (Exception e) when (e is QuerySyntaxException or QueryRefusedException)
                {
                    // Checked when saved; only a setting changed since (Search:AllowExpensiveQueries) refuses it now.
                    logger.LogWarning("Alert {AlertId} is not matched: {Message}", alert.Id, e.Message);
                    compiledById[alert.Id] = null;
                }
            }
            alerts = new AlertPresearcher(stored.Select(a => compiledById[a.Id]).OfType<AlertQuery>().ToList());
        }
    }

    /// <summary>Runs on the thread that refreshed the index: hands on, never waits.</summary>
    private void Offer(IReadOnlyList<SearchableArticle> written)
    {
        if (alerts.Count == 0)
            return;
        foreach (var article in written)
            unmatched.Add(article.Article.Id);
        var now = Stopwatch.GetTimestamp();
        if (searchable.Writer.TryWrite((written, now)))
            return;
        // Also once stopping (the channel is closed): the overflow is kept for the next start.
        lock (overflow)
        {
            if (overflow.Count == 0 && !stopping.IsCancellationRequested)
                logger.LogWarning("Alert matching is {Capacity} refreshes behind: articles are kept by id and read back from the index", Capacity);
            foreach (var article in written)
            {
                if (!overflow.TryAdd(article.Article.Id, now))
                    unmatched.Remove(article.Article.Id);
            }
        }
    }

    private void Run()
    {
        var reader = searchable.Reader;
        // The overflow is drained without waiting for another refresh: after a start that read back more than one
        // batch, or once the channel is drained behind a bulk pass, none may come.
        while (!stopping.IsCancellationRequested && (OverflowWaiting() || Wait(reader)))
        {
            var batch = new List<(IReadOnlyList<SearchableArticle> Articles, long SearchableAt)>();
            var articles = 0;
            while (articles < MaxBatchArticles && reader.TryRead(out var refresh))
            {
                batch.Add(refresh);
                articles += refresh.Articles.Count;
            }
            if (articles < MaxBatchArticles)
                batch.AddRange(Reread(TakeOverflow(MaxBatchArticles - articles)));
            MatchAndDeliver(batch);
        }
    }

    /// <summary>Waits for a refresh to match: false once stopping, or when no more can come.</summary>
    private bool Wait(ChannelReader<(IReadOnlyList<SearchableArticle>, long)> reader)
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

    private bool OverflowWaiting()
    {
        lock (overflow)
            return overflow.Count > 0;
    }

    private List<(string Id, long Since)> TakeOverflow(int most)
    {
        lock (overflow)
        {
            var taken = overflow.Take(most).Select(o => (o.Key, o.Value)).ToList();
            foreach (var (id, _) in taken)
                overflow.Remove(id);
            return taken;
        }
    }

    private IEnumerable<(IReadOnlyList<SearchableArticle>, long)> Reread(List<(string Id, long Since)> ids)
    {
        foreach (var (id, since) in ids)
        {
            if (reread(id) is { } current)
                yield return ([current], since);
            else
                unmatched.Remove(id);
        }
    }

    private void MatchAndDeliver(List<(IReadOnlyList<SearchableArticle> Articles, long SearchableAt)> batch)
    {
        var articles = batch.SelectMany(b => b.Articles).ToList();
        try
        {
            var matched = matcher.Match(articles, alerts);
            var delivering = Stopwatch.GetTimestamp();
            foreach (var published in matched)
            {
                if (events.Publish(published) && store.Find(published.Notice.AlertId)?.Webhook is { } webhook)
                    webhooks.Send(webhook, published);
            }
            matcher.Times.AddDelivery(delivering);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Alert notices for {Articles} articles could not be kept for delivery", articles.Count);
        }
        finally
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var (written, searchableAt) in batch)
                Matched?.Invoke(written.Sum(w => w.Article.Paragraphs.Count), Stopwatch.GetElapsedTime(searchableAt, now));
            foreach (var article in articles)
                unmatched.Remove(article.Article.Id);
            observed?.Handled();
        }
    }

    /// <summary>
    /// Stops matching once the batch under way is done. What is left unmatched stays counted: the index's last commit,
    /// after this, records it for the next start. Called after the writes have stopped.
    /// </summary>
    public void Dispose()
    {
        store.Changed -= Compile;
        stopping.Cancel();
        searchable.Writer.TryComplete();
        worker?.Join(TimeSpan.FromSeconds(30));
        stopping.Dispose();
    }
}
