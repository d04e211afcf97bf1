using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SearchService.Cluster.Storage;
using SearchService.Core.Alerts;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Cluster.Alerts;

/// <summary>
/// Percolation in cluster mode, once per change in the cluster: every node runs this, and the one holding the
/// percolation lease (a PostgreSQL advisory lock of a session, <see cref="PostgresAlerts.LeaseKey"/>, which ends with
/// the session, also when its node is killed) follows the article log by version from where percolation last recorded
/// (<see cref="PostgresAlerts.PercolatedAsync"/>), matches each changed article's paragraphs as a single node does
/// (<see cref="AlertMatcher"/>), and records the events with the version reached in one transaction
/// (<see cref="PostgresAlerts.RecordAsync"/>): a new holder resumes after the last version recorded, so no change is
/// matched twice and none is skipped. Webhook notices are recorded as pending and handed to this node's
/// <see cref="WebhookSender"/> (the same retries and backoff); each is marked done once delivered or given up, and a
/// new holder sends again those still pending: delivery is at least once, the event id telling a repeat.
/// </summary>
public sealed class ClusterAlertPercolator
{
    /// <summary>The most changes of the log matched as one batch.</summary>
    public const int BatchChanges = 500;

    /// <summary>How often a holder with nothing to do looks at the log again without being told of a commit.</summary>
    public static readonly TimeSpan IdleCheckEvery = TimeSpan.FromSeconds(1);

    /// <summary>How often a node that does not hold the lease tries to take it, and waits after PostgreSQL failed.</summary>
    public TimeSpan TakeEvery { get; init; } = TimeSpan.FromSeconds(1);

    private readonly PostgresArticleLog log;
    private readonly PostgresAlerts alerts;
    private readonly AlertQueryCompiler compiler;
    private readonly AlertMatcher matcher;
    private readonly WebhookSender webhooks;
    private readonly IFacetExtractor extractor;
    private readonly ILogger logger;
    private readonly Dictionary<string, AlertQuery?> compiledById = new(StringComparer.Ordinal);
    private volatile bool alertsChanged = true;

    public ClusterAlertPercolator(PostgresArticleLog log, AlertQueryCompiler compiler, AlertMatcher matcher, WebhookSender webhooks,
        IFacetExtractor extractor, ILogger<ClusterAlertPercolator> logger)
    {
        (this.log, alerts, this.compiler, this.matcher, this.webhooks, this.extractor, this.logger) =
            (log, new PostgresAlerts(log), compiler, matcher, webhooks, extractor, logger);
        webhooks.Finished += MarkDelivered;
    }

    /// <summary>The alerts were saved or deleted: compiled again before the next batch.</summary>
    public void AlertsChanged() => alertsChanged = true;

    /// <summary>Takes the lease whenever it is free and percolates while holding it, until cancelled.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await Task.Run(WarmUp, stopping);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Alert matching was not warmed up");
        }
        await UntilStopped.RunAsync(async running =>
        {
            await using var lease = await log.TryTakeLeaseAsync(PostgresAlerts.LeaseKey, running);
            if (lease is not null)
                await HoldAsync(lease, running);
        }, TakeEvery, logger, "Alert percolation", stopping);
    }

    /// <summary>
    /// Compiles and matches one alert against one article, kept nowhere: the first batch a fresh process matched took
    /// about 2 s (the parsers', analyzer's and matcher's code compiled on first use), which a node taking over after a
    /// failover would add to the first delivery.
    /// </summary>
    private void WarmUp()
    {
        var article = new Article("warm-up", "Warm-up", ["The node warms up its alert matching."], DateTimeOffset.UnixEpoch);
        var alert = compiler.Compile(new Alert("warm-up", DateTimeOffset.UnixEpoch, new SavedQuery("alert matching"), null));
        foreach (var made in matcher.Match([new SearchableArticle(article, extractor.Extract(article))], new AlertPresearcher([alert])))
            made.Notice.Hits.ToList().ForEach(hit => hit.MakeSnippet());
    }

    /// <summary>Follows the log while the lease holds; returns when it ends or another node recorded past this one.</summary>
    private async Task HoldAsync(CorpusLease lease, CancellationToken stopping)
    {
        logger.LogInformation("This node percolates alerts");
        var committed = new SemaphoreSlim(0, 1);
        await using var listening = PostgresArticleLog.CommitListener(() => Task.FromResult(log), _ => UntilStopped.Wake(committed), logger);
        listening.Start();
        // What the last holder recorded and its webhooks had not taken yet; the local outbox of an earlier term is
        // PostgreSQL's too, so not sent from the files.
        webhooks.ResendPending(_ => false);
        var pending = await alerts.PendingWebhooksAsync(stopping);
        if (pending.Count > 0)
            webhooks.Send(pending);
        var version = await alerts.PercolatedAsync(stopping);
        while (true)
        {
            var changes = await log.ReadChangesAsync(version, BatchChanges, stopping);
            if (changes.Count == 0)
            {
                if (!await committed.WaitAsync(IdleCheckEvery, stopping) && !await lease.IsHeldAsync(stopping))
                    return;
                continue;
            }
            if (!await RecordAsync(version, changes, stopping))
                return;
            version = changes[^1].Version;
        }
    }

    /// <summary>Matches the changes and records their events; false when another node recorded them first.</summary>
    private async Task<bool> RecordAsync(long version, IReadOnlyList<ArticleChange> changes, CancellationToken stopping)
    {
        var written = changes.Where(c => c.Article is not null)
            .Select(c => (c.Version, Written: new SearchableArticle(c.Article!, c.Facets ?? extractor.Extract(c.Article!)))).ToList();
        var versionOf = written.ToDictionary(w => w.Written.Article.Id, w => w.Version, StringComparer.Ordinal);
        while (true)
        {
            var (presearcher, matched) = await CompiledAsync(stopping);
            var started = Stopwatch.GetTimestamp();
            var events = Match(written.Select(w => w.Written).ToList(), presearcher)
                .Select(e => (e, versionOf[e.Notice.Hits[0].ArticleId])).ToList();
            var record = await alerts.RecordAsync(version, changes[^1].Version, events, matched, stopping);
            if (record.MissedAlerts)
            {
                alertsChanged = true;
                continue;
            }
            if (!record.Recorded)
            {
                logger.LogWarning("Another node percolated the changes after version {Version}: this node stops percolating", version);
                return false;
            }
            if (record.Webhooks.Count > 0)
                webhooks.Send(record.Webhooks);
            logger.LogDebug("Percolated {Changes} changes up to version {Version} in {Milliseconds:F0} ms: {Events} events",
                changes.Count, changes[^1].Version, Stopwatch.GetElapsedTime(started).TotalMilliseconds, events.Count);
            return true;
        }
    }

    /// <summary>
    /// Matches the articles as one batch; when that fails, one by one, skipping, logged, each that fails alone: one
    /// article that breaks the matcher must not stop percolation for every later change.
    /// </summary>
    private List<AlertEvent> Match(List<SearchableArticle> written, AlertPresearcher presearcher)
    {
        try
        {
            return [.. matcher.Match(written, presearcher)];
        }
        catch (Exception) when (written.Count > 1)
        {
            return [.. written.SelectMany(w => Match([w], presearcher))];
        }
        catch (Exception e)
        {
            logger.LogError(e, "Alert matching failed on article {ArticleId}; it is not matched", written[0].Article.Id);
            return [];
        }
    }

    /// <summary>The alerts saved, compiled (each once: an alert never changes once saved), and the ids of all of them.</summary>
    private async Task<(AlertPresearcher Presearcher, IReadOnlyCollection<string> Ids)> CompiledAsync(CancellationToken stopping)
    {
        if (alertsChanged || current is null)
        {
            alertsChanged = false;
            var saved = await alerts.SavedAsync(stopping);
            var ids = saved.Select(s => s.Alert.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in compiledById.Keys.Where(id => !ids.Contains(id)).ToList())
                compiledById.Remove(gone);
            foreach (var alert in saved.Select(s => s.Alert).Where(a => !compiledById.ContainsKey(a.Id)))
                compiledById[alert.Id] = Compile(alert);
            current = (new AlertPresearcher(saved.Select(s => compiledById[s.Alert.Id]).OfType<AlertQuery>().ToList()), ids);
        }
        return current.Value;
    }

    private (AlertPresearcher, IReadOnlyCollection<string>)? current;

    private AlertQuery? Compile(Alert alert)
    {
        try
        {
            return compiler.Compile(alert);
        }
        catch (Exception e) when (e is QuerySyntaxException or QueryRefusedException)
        {
            // Checked when saved; only a setting changed since (Search:AllowExpensiveQueries) refuses it now.
            logger.LogWarning("Alert {AlertId} is not matched: {Message}", alert.Id, e.Message);
            return null;
        }
    }

    /// <summary>A webhook took a notice, or it was given up: not sent again by a later holder.</summary>
    private void MarkDelivered(AlertEvent done) =>
        _ = alerts.WebhookDoneAsync(done, CancellationToken.None).ContinueWith(
            t => logger.LogWarning("Alert {AlertId}: event {EventId} delivered, not marked so (a later holder sends it again): {Problem}",
                done.Notice.AlertId, done.Id, t.Exception!.GetBaseException().Message),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
