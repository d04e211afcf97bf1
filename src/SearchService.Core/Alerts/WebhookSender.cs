using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SearchService.Core.Indexing;

namespace SearchService.Core.Alerts;

/// <summary>
/// POSTs each alert's notices to its webhook, in order, one alert's deliveries never waiting for another's. A notice is
/// written to the outbox (<see cref="OutboxFolderName"/> in the index folder, one file per notice, named in the order
/// they were sent, temp file + flush + rename) before its first attempt and removed once delivered or given up, so
/// notices still pending when the process stops are sent after it starts again (<see cref="ResendPending"/>). A failed attempt (no answer within
/// <see cref="AttemptTimeout"/>, or a status other than 2xx) is retried after 1, 2, 4, 8 and 16 seconds times
/// <see cref="BackoffUnit"/>: <see cref="Attempts"/> attempts in all, then the notice is dropped and logged. Each POST
/// carries the event id in <see cref="EventIdHeader"/>, by which a receiver can drop a repeat (a crash between a
/// delivery and the removal of its file sends it again, and a match made again after a crash has the same id). A deleted alert's notices are dropped (<see cref="Forget"/>).
/// </summary>
public sealed class WebhookSender : IDisposable
{
    public const string OutboxFolderName = "alerts-outbox";
    public const string EventIdHeader = "X-Alert-Event-Id";
    public const int Attempts = 6;
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string outbox;
    private readonly HttpClient client;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private readonly Dictionary<string, (Channel<(Uri Webhook, AlertEvent Event, string File)> Queue, CancellationTokenSource Cancel)> queues = new(StringComparer.Ordinal);
    private readonly HashSet<string> forgotten = new(StringComparer.Ordinal);
    private long sent = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000; // outbox files sort in the order sent, across restarts

    /// <param name="indexRoot">The index folder, where the outbox is kept.</param>
    /// <param name="handler">Sends the requests; null: a plain <see cref="HttpClientHandler"/>.</param>
    public WebhookSender(string indexRoot, ILogger<WebhookSender> logger, HttpMessageHandler? handler = null)
    {
        outbox = Path.Combine(Path.GetFullPath(indexRoot), OutboxFolderName);
        Directory.CreateDirectory(outbox);
        client = new HttpClient(handler ?? new HttpClientHandler()) { Timeout = AttemptTimeout };
        this.logger = logger;
    }

    /// <summary>The wait before the second attempt; each later wait doubles it.</summary>
    public TimeSpan BackoffUnit { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Queues an event for the webhook, on disk first; drops it when its alert was deleted (<see cref="Forget"/>).</summary>
    public void Send(Uri webhook, AlertEvent published)
    {
        // Under the gate: a notice matched while its alert is deleted is dropped, or written before the deletion drops it.
        lock (gate)
        {
            if (!forgotten.Contains(published.Notice.AlertId))
                Keep(webhook, published);
        }
    }

    /// <summary>
    /// Drops a deleted alert's notices: those queued and their files in the outbox, the attempt under way, and any
    /// sent later (a batch matched while it was being deleted).
    /// </summary>
    public void Forget(string alertId)
    {
        lock (gate)
        {
            forgotten.Add(alertId);
            if (queues.Remove(alertId, out var queue))
            {
                queue.Queue.Writer.TryComplete();
                queue.Cancel.Cancel();
            }
            foreach (var file in Directory.EnumerateFiles(outbox, $"*-{alertId}.json*"))
                File.Delete(file);
        }
    }

    private void Keep(Uri webhook, AlertEvent published)
    {
        var file = Path.Combine(outbox, $"{Interlocked.Increment(ref sent):D20}-{published.Notice.AlertId}.json");
        var temporary = file + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, new PendingWebhook(webhook, published), Json);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, file, overwrite: true);
        FolderFlush.Flush(outbox);
        Enqueue(webhook, published, file);
    }

    /// <summary>
    /// Queues the notices a previous run left in the outbox, for alerts that <paramref name="exists"/>; drops the rest.
    /// Answers the events queued.
    /// </summary>
    public IReadOnlyList<AlertEvent> ResendPending(Func<string, bool> exists)
    {
        var queued = new List<AlertEvent>();
        foreach (var path in Directory.EnumerateFiles(outbox).Order(StringComparer.Ordinal))
        {
            PendingWebhook? pending = null;
            if (path.EndsWith(".json", StringComparison.Ordinal))
            {
                try
                {
                    pending = JsonSerializer.Deserialize<PendingWebhook>(File.ReadAllBytes(path), Json);
                }
                catch (JsonException e)
                {
                    logger.LogWarning(e, "Dropped the unreadable alert notice {Path}", path);
                }
            }
            if (pending is not null && exists(pending.Event.Notice.AlertId))
            {
                Enqueue(pending.Webhook, pending.Event, path);
                queued.Add(pending.Event);
            }
            else
                File.Delete(path);
        }
        return queued;
    }

    private void Enqueue(Uri webhook, AlertEvent published, string file)
    {
        lock (gate)
        {
            if (!queues.TryGetValue(published.Notice.AlertId, out var queue))
            {
                queue = (Channel.CreateUnbounded<(Uri, AlertEvent, string)>(new UnboundedChannelOptions { SingleReader = true }),
                    CancellationTokenSource.CreateLinkedTokenSource(stopping.Token));
                queues[published.Notice.AlertId] = queue;
                var (reader, cancel) = (queue.Queue.Reader, queue.Cancel.Token);
                _ = Task.Run(() => DeliverAllAsync(reader, cancel));
            }
            queue.Queue.Writer.TryWrite((webhook, published, file));
        }
    }

    private async Task DeliverAllAsync(ChannelReader<(Uri Webhook, AlertEvent Event, string File)> queue, CancellationToken cancel)
    {
        try
        {
            await foreach (var (webhook, published, file) in queue.ReadAllAsync(cancel))
            {
                if (!await DeliverAsync(webhook, published, cancel))
                    logger.LogError("Alert {AlertId}: event {EventId} not delivered to {Webhook} after {Attempts} attempts; dropped",
                        published.Notice.AlertId, published.Id, webhook, Attempts);
                File.Delete(file);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: what is left stays in the outbox for the next start. Or the alert was deleted, with its notices.
        }
    }

    private async Task<bool> DeliverAsync(Uri webhook, AlertEvent published, CancellationToken cancel)
    {
        var wait = BackoffUnit;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = JsonContent.Create(published.Notice, options: Json) };
                request.Headers.Add(EventIdHeader, published.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                using var answer = await client.SendAsync(request, cancel);
                if (answer.IsSuccessStatusCode)
                    return true;
                logger.LogWarning("Alert {AlertId}: webhook {Webhook} answered {Status} (attempt {Attempt} of {Attempts})",
                    published.Notice.AlertId, webhook, (int)answer.StatusCode, attempt, Attempts);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancel.IsCancellationRequested)
            {
                logger.LogWarning("Alert {AlertId}: webhook {Webhook} failed: {Message} (attempt {Attempt} of {Attempts})",
                    published.Notice.AlertId, webhook, e.Message, attempt, Attempts);
            }
            if (attempt < Attempts)
            {
                await Task.Delay(wait, cancel);
                wait *= 2;
            }
        }
        return false;
    }

    public void Dispose()
    {
        stopping.Cancel();
        client.Dispose();
        stopping.Dispose();
    }
}
