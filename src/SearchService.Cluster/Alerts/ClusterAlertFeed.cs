using Microsoft.Extensions.Logging;
using SearchService.Cluster.Storage;
using SearchService.Core.Alerts;

namespace SearchService.Cluster.Alerts;

/// <summary>
/// Brings the events percolation records (on whichever node holds it) to this node's event streams, so that
/// <c>GET /alerts/{id}/events</c> answers on any node: told of each change on PostgreSQL's notification channel, it
/// reads the events recorded since the last it read, in the order recorded, and publishes them to
/// <see cref="AlertEventStream"/>, which keeps the last of each alert for a client resuming by Last-Event-ID. At start
/// it reads the events PostgreSQL keeps (the last <see cref="PostgresAlerts.KeptPerAlert"/> of each alert), so a client
/// resumes through any node, one started since included. An alert deleted on any node ends its streams here and drops
/// its webhook notices queued here.
/// </summary>
public sealed class ClusterAlertFeed(PostgresArticleLog log, AlertEventStream events, WebhookSender webhooks, ILogger<ClusterAlertFeed> logger)
{
    private const int ReadAtOnce = 1000;

    /// <summary>How long the feed waits after a read failed (PostgreSQL out of reach) before it reads again.</summary>
    public TimeSpan RetryEvery { get; init; } = TimeSpan.FromSeconds(1);

    private readonly PostgresAlerts alerts = new(log);
    private HashSet<string> known = new(StringComparer.Ordinal);
    private long lastRead;

    /// <summary>Raised once this node has seen alerts saved or deleted.</summary>
    public event Action? AlertsChanged;

    /// <summary>Follows the events until cancelled; PostgreSQL out of reach is waited out.</summary>
    public Task RunAsync(CancellationToken stopping) => UntilStopped.RunAsync(FollowAsync, RetryEvery, logger, "Alert events", stopping);

    private async Task FollowAsync(CancellationToken stopping)
    {
        var told = new SemaphoreSlim(0, 1);
        var alertsTold = 1; // a first look at the alerts, and after each session: changes may have been missed meanwhile
        await using var listening = alerts.ChangeListener(change =>
        {
            if (change is null or PostgresAlerts.AlertsChanged)
                Interlocked.Exchange(ref alertsTold, 1);
            UntilStopped.Wake(told);
        }, logger);
        listening.Start();
        while (true)
        {
            if (Interlocked.Exchange(ref alertsTold, 0) == 1)
                await ForgetDeletedAsync(stopping);
            await PublishNewAsync(stopping);
            await told.WaitAsync(stopping);
        }
    }

    private async Task ForgetDeletedAsync(CancellationToken stopping)
    {
        var now = (await alerts.AllAsync(stopping)).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var deleted in known.Where(id => !now.Contains(id)))
        {
            events.Forget(deleted);
            webhooks.Forget(deleted);
        }
        known = now;
        AlertsChanged?.Invoke();
    }

    private async Task PublishNewAsync(CancellationToken stopping)
    {
        while (true)
        {
            var read = await alerts.EventsAfterAsync(lastRead, ReadAtOnce, stopping);
            foreach (var (seq, published) in read)
            {
                events.Publish(published);
                lastRead = seq;
            }
            if (read.Count < ReadAtOnce)
                return;
        }
    }
}
