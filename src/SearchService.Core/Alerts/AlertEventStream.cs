using System.Threading.Channels;

namespace SearchService.Core.Alerts;

/// <summary>
/// The events of every alert, for their server-sent event streams: the most recent <see cref="RecentPerAlert"/> of each
/// alert are kept in memory, so a client that reconnects with the last event id it saw gets what it missed, when that is
/// still kept; live subscribers get each new event as it is published. Ids grow across the process and start from the
/// clock (microseconds), so a reconnect after a restart asks for an id older than every new event. A subscriber that
/// reads too slowly (more than <see cref="SubscriberBuffer"/> events behind) loses the oldest, and can resume from the
/// recent ones by id. Thread-safe.
/// </summary>
public sealed class AlertEventStream
{
    public const int RecentPerAlert = 256;
    public const int SubscriberBuffer = 1024;

    private readonly Lock gate = new();
    private readonly Dictionary<string, Queue<AlertEvent>> recent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Channel<AlertEvent>>> subscribers = new(StringComparer.Ordinal);
    private long lastId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;

    public AlertEvent Publish(AlertNotice notice)
    {
        lock (gate)
        {
            var published = new AlertEvent(++lastId, notice);
            if (!recent.TryGetValue(notice.AlertId, out var kept))
                recent[notice.AlertId] = kept = new Queue<AlertEvent>();
            kept.Enqueue(published);
            if (kept.Count > RecentPerAlert)
                kept.Dequeue();
            foreach (var subscriber in subscribers.GetValueOrDefault(notice.AlertId) ?? [])
                subscriber.Writer.TryWrite(published);
            return published;
        }
    }

    /// <summary>
    /// Subscribes to an alert's events: the kept ones after <paramref name="lastEventId"/> (none when null), then each new
    /// one. Disposing the subscription ends it.
    /// </summary>
    public AlertSubscription Subscribe(string alertId, long? lastEventId)
    {
        var live = Channel.CreateBounded<AlertEvent>(new BoundedChannelOptions(SubscriberBuffer) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (gate)
        {
            var missed = lastEventId is { } after ? (recent.GetValueOrDefault(alertId)?.Where(e => e.Id > after).ToList() ?? []) : [];
            if (!subscribers.TryGetValue(alertId, out var list))
                subscribers[alertId] = list = [];
            list.Add(live);
            return new AlertSubscription(missed, live.Reader, () => Unsubscribe(alertId, live));
        }
    }

    /// <summary>Drops a deleted alert's events and ends its subscriptions.</summary>
    public void Forget(string alertId)
    {
        lock (gate)
        {
            recent.Remove(alertId);
            if (subscribers.Remove(alertId, out var list))
                list.ForEach(s => s.Writer.TryComplete());
        }
    }

    private void Unsubscribe(string alertId, Channel<AlertEvent> live)
    {
        lock (gate)
        {
            if (subscribers.TryGetValue(alertId, out var list) && list.Remove(live) && list.Count == 0)
                subscribers.Remove(alertId);
        }
    }
}
