using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SearchService.Core.Indexing;

namespace SearchService.Core.Alerts;

/// <summary>
/// POSTs each alert's notices to its webhook, in order. At most <see cref="MaxConcurrentAttempts"/> POSTs are under way at
/// once across all alerts (thousands of alerts whose receivers hang would otherwise hold thousands of sockets); an alert's
/// attempt waits for a free slot, which each attempt holds at most <see cref="AttemptTimeout"/>, never for another alert's
/// backoff. The notices
/// handed over together (<see cref="Send"/>: all those one refresh made searchable) are written to one outbox file
/// (<see cref="OutboxFolderName"/> in the index folder, JSON lines, named in the order sent; temp file + one flush +
/// rename + folder flush) before the first attempt of any, and the file is removed once each of its notices is delivered,
/// given up or dropped with its alert (<see cref="OutboxFile"/>), so notices still pending when the process stops are
/// sent after it starts again (<see cref="ResendPending"/>); <see cref="Send"/> returns only once they are on disk. A
/// failed attempt (no answer within <see cref="AttemptTimeout"/>, or a status other than 2xx) is retried after 1, 2, 4,
/// 8 and 16 seconds times <see cref="BackoffUnit"/>: <see cref="Attempts"/> attempts in all, then the notice is dropped
/// and logged. Each POST carries the event id in <see cref="EventIdHeader"/>, by which a receiver can drop a repeat (a
/// restart sends again every notice of a file not yet removed, and a match made again after a crash has the same id).
/// A deleted alert's notices are dropped (<see cref="Forget"/>). Stopping lets an attempt under way finish (bounded by
/// <see cref="AttemptTimeout"/>) and starts no other: a POST the receiver got as the process stopped is not sent again.
/// Connections go only to addresses <see cref="WebhookHosts"/> allows (<see cref="WebhookConnection"/>): a refused one
/// fails as an unreachable receiver does. The log names a webhook by its scheme, host and port, never its path, query or
/// user info, which may hold the receiver's secret token.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    public const string OutboxFolderName = "alerts-outbox";
    public const string EventIdHeader = "X-Alert-Event-Id";
    public const int Attempts = 6;
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);
    public const int DefaultMaxConcurrentAttempts = 64;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string outbox;
    private readonly HttpClient client;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private readonly Dictionary<string, (Channel<Queued> Queue, CancellationTokenSource Cancel)> queues = new(StringComparer.Ordinal);
    private readonly List<Task> deliveries = [];
    private readonly HashSet<string> forgotten = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim attemptSlots;
    private long sent = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000; // outbox files sort in the order sent, across restarts

    /// <param name="indexRoot">The index folder, where the outbox is kept.</param>
    /// <param name="hosts">What webhooks may connect to besides public addresses.</param>
    /// <param name="maxConcurrentAttempts">The most POSTs under way at once, across all alerts.</param>
    public WebhookSender(string indexRoot, ILogger<WebhookSender> logger, WebhookHosts hosts, int maxConcurrentAttempts = DefaultMaxConcurrentAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrentAttempts, 1);
        MaxConcurrentAttempts = maxConcurrentAttempts;
        attemptSlots = new SemaphoreSlim(maxConcurrentAttempts);
        outbox = Path.Combine(Path.GetFullPath(indexRoot), OutboxFolderName);
        Directory.CreateDirectory(outbox);
        client = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = new WebhookConnection(hosts).ConnectAsync,
            // A redirect is answered as any other answer but 2xx (retried, then given up), so one POST reaches one receiver.
            AllowAutoRedirect = false,
            // Through a proxy the connection would be the proxy's, and the webhook's own address never checked.
            UseProxy = false,
        }) { Timeout = AttemptTimeout };
        this.logger = logger;
    }

    /// <summary>The most POSTs under way at once, across all alerts.</summary>
    public int MaxConcurrentAttempts { get; }

    /// <summary>The wait before the second attempt; each later wait doubles it.</summary>
    public TimeSpan BackoffUnit { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Raised on a delivery task once a notice is done with: delivered, or given up after its attempts; not when dropped
    /// with its alert, nor when left for the next start. Lets a cluster keep its outbox in PostgreSQL.
    /// </summary>
    public event Action<AlertEvent>? Finished;

    /// <summary>Runs after a batch is written to its temporary file and before it is flushed: lets a test crash there.</summary>
    internal Action? BeforeFlush { get; set; }

    /// <summary>A notice in the queue of its alert, and the outbox file that holds it.</summary>
    private sealed record Queued(PendingWebhook Pending, OutboxFile File);

    /// <summary>
    /// Queues notices for their webhooks, on disk first: returns once all are in one flushed outbox file, and throws,
    /// having queued none, when they could not be kept. Drops those whose alert was deleted (<see cref="Forget"/>).
    /// </summary>
    public void Send(IReadOnlyList<PendingWebhook> notices)
    {
        // Under the gate: a notice matched while its alert is deleted is dropped, or queued before the deletion drops it.
        lock (gate)
        {
            var kept = notices.Where(n => !forgotten.Contains(n.Event.Notice.AlertId)).ToList();
            if (kept.Count == 0)
                return;
            var file = new OutboxFile(Write(kept), kept.Count);
            foreach (var notice in kept)
                Enqueue(new Queued(notice, file));
        }
    }

    /// <summary>
    /// Drops a deleted alert's notices: those queued, the attempt under way, and any sent later (a batch matched while it
    /// was being deleted). Its lines in outbox files that other alerts' notices keep are skipped at the next start.
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
                while (queue.Queue.Reader.TryRead(out var dropped))
                    dropped.File.Done();
            }
        }
    }

    /// <summary>Writes the notices to a new outbox file, flushed to disk and renamed into place; answers its path.</summary>
    private string Write(List<PendingWebhook> notices)
    {
        var file = Path.Combine(outbox, $"{Interlocked.Increment(ref sent):D20}.json");
        FileReplacement.Replace(file, stream =>
        {
            foreach (var notice in notices)
            {
                JsonSerializer.Serialize(stream, notice, Json);
                stream.WriteByte((byte)'\n');
            }
            stream.Flush(flushToDisk: false);
            BeforeFlush?.Invoke();
        }, DiskFileDurability.Instance, bufferSize: 1 << 16);
        return file;
    }

    /// <summary>
    /// Queues the notices a previous run left in the outbox, for alerts that <paramref name="exists"/>, in the order they
    /// were sent; removes files with none left, and temporary files a crash left before their flush. Answers the events queued.
    /// </summary>
    public IReadOnlyList<AlertEvent> ResendPending(Func<string, bool> exists)
    {
        var queued = new List<AlertEvent>();
        foreach (var path in Directory.EnumerateFiles(outbox).Order(StringComparer.Ordinal))
        {
            var pending = path.EndsWith(".json", StringComparison.Ordinal)
                ? Read(path).Where(p => exists(p.Event.Notice.AlertId)).ToList()
                : [];
            if (pending.Count == 0)
            {
                File.Delete(path);
                continue;
            }
            var file = new OutboxFile(path, pending.Count);
            foreach (var notice in pending)
            {
                Enqueue(new Queued(notice, file));
                queued.Add(notice.Event);
            }
        }
        return queued;
    }

    /// <summary>The notices of an outbox file, one a line; a line that cannot be read is logged and skipped.</summary>
    private IEnumerable<PendingWebhook> Read(string path)
    {
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            PendingWebhook? pending = null;
            try
            {
                pending = JsonSerializer.Deserialize<PendingWebhook>(line, Json);
            }
            catch (JsonException e)
            {
                logger.LogWarning(e, "Dropped an unreadable alert notice in {Path}", path);
            }
            if (pending is not null)
                yield return pending;
        }
    }

    private void Enqueue(Queued notice)
    {
        var alertId = notice.Pending.Event.Notice.AlertId;
        lock (gate)
        {
            if (!queues.TryGetValue(alertId, out var queue))
            {
                queue = (Channel.CreateUnbounded<Queued>(), new CancellationTokenSource());
                queues[alertId] = queue;
                var (reader, deleted) = (queue.Queue.Reader, queue.Cancel.Token);
                deliveries.RemoveAll(t => t.IsCompleted);
                deliveries.Add(Task.Run(() => DeliverAllAsync(reader, deleted)));
            }
            queue.Queue.Writer.TryWrite(notice);
        }
    }

    /// <param name="deleted">Cancelled when the alert is deleted: its notices go, the attempt under way too.</param>
    private async Task DeliverAllAsync(ChannelReader<Queued> queue, CancellationToken deleted)
    {
        using var deletedOrStopping = CancellationTokenSource.CreateLinkedTokenSource(deleted, stopping.Token);
        try
        {
            await foreach (var (pending, file) in queue.ReadAllAsync(deletedOrStopping.Token))
            {
                bool delivered;
                try
                {
                    delivered = await DeliverAsync(pending.Webhook, pending.Event, deleted, deletedOrStopping.Token);
                }
                catch (OperationCanceledException) when (deleted.IsCancellationRequested)
                {
                    file.Done(); // the alert was deleted: its notice with it
                    throw;
                }
                if (!delivered)
                    logger.LogError("Alert {AlertId}: event {EventId} not delivered to {Webhook} after {Attempts} attempts; dropped",
                        pending.Event.Notice.AlertId, pending.Event.Id, Receiver(pending.Webhook), Attempts);
                file.Done();
                Finished?.Invoke(pending.Event);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: what is left stays in the outbox for the next start. Or the alert was deleted, with its notices.
        }
    }

    /// <param name="deleted">Cancels the attempt under way.</param>
    /// <param name="deletedOrStopping">Cancels the waits for a slot and between attempts, so that no attempt starts once stopping.</param>
    private async Task<bool> DeliverAsync(Uri webhook, AlertEvent published, CancellationToken deleted, CancellationToken deletedOrStopping)
    {
        var wait = BackoffUnit;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            await attemptSlots.WaitAsync(deletedOrStopping);
            try
            {
                if (await AttemptAsync(webhook, published, attempt, deleted))
                    return true;
            }
            finally
            {
                attemptSlots.Release();
            }
            if (attempt < Attempts)
            {
                await Task.Delay(wait, deletedOrStopping);
                wait *= 2;
            }
        }
        return false;
    }

    /// <summary>One POST: answers whether the receiver took it, logging why not.</summary>
    private async Task<bool> AttemptAsync(Uri webhook, AlertEvent published, int attempt, CancellationToken deleted)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = JsonContent.Create(published.Notice, options: Json) };
            request.Headers.Add(EventIdHeader, published.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var answer = await client.SendAsync(request, deleted);
            if (answer.IsSuccessStatusCode)
                return true;
            logger.LogWarning("Alert {AlertId}: webhook {Webhook} answered {Status} (attempt {Attempt} of {Attempts})",
                published.Notice.AlertId, Receiver(webhook), (int)answer.StatusCode, attempt, Attempts);
        }
        catch (HttpRequestException e) when (e.InnerException is WebhookHostRefusedException refused)
        {
            logger.LogWarning("Alert {AlertId}: webhook host {Host} refused: {Reason} (attempt {Attempt} of {Attempts})",
                published.Notice.AlertId, refused.Host, refused.Message, attempt, Attempts);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !deleted.IsCancellationRequested)
        {
            logger.LogWarning("Alert {AlertId}: webhook {Webhook} failed: {Message} (attempt {Attempt} of {Attempts})",
                published.Notice.AlertId, Receiver(webhook), e.Message, attempt, Attempts);
        }
        return false;
    }

    /// <summary>A webhook as the log names it: scheme, host and port, without the path, query or user info.</summary>
    private static string Receiver(Uri webhook) => webhook.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);

    public void Dispose()
    {
        stopping.Cancel();
        Task[] running;
        lock (gate)
            running = [.. deliveries];
        // Attempts under way finish (each within its timeout); what was not attempted stays in the outbox.
        try
        {
            Task.WaitAll(running, AttemptTimeout + TimeSpan.FromSeconds(1));
        }
        catch (AggregateException e)
        {
            logger.LogError(e, "Webhook deliveries failed as the service stopped; their notices stay in the outbox");
        }
        client.Dispose();
        attemptSlots.Dispose();
        stopping.Dispose();
    }
}
