using System.Threading.Channels;

namespace SearchService.Core.Alerts;

/// <summary>
/// The events of every alert, for their server-sent event streams: the most recent <see cref="RecentPerAlert"/> of each
/// alert are kept in memory, so a client that reconnects with the last event id it saw gets what came after it, or every
/// kept event when that id is no longer kept; live subscribers get each new event as it is published. Ids name the match
/// (<see cref="AlertEventId"/>), not its place in the stream, and an event whose id is kept already is not published
/// again. A subscriber that reads too slowly (more than <see cref="SubscriberBuffer"/> events behind) loses the oldest,
/// and can resume from the recent ones by id. Thread-safe.
/// </summary>
public sealed class AlertEventStream
{
    public const int RecentPerAlert = 256;
    public const int SubscriberBuffer = 1024;

    private readonly Lock gate = new();
    private readonly Dictionary<string, KeptEvents> recent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Channel<AlertEvent>>> subscribers = new(StringComparer.Ordinal);

    /// <summary>
    /// Publishes an event; false, doing nothing, when the alert's kept events hold one with its id already (the same
    /// version of the article matched twice: read back after a crash and written again by the corpus pass).
    /// </summary>
    public bool Publish(AlertEvent published)
    {
        var alertId = published.Notice.AlertId;
        lock (gate)
        {
            if (!recent.TryGetValue(alertId, out var kept))
                recent[alertId] = kept = new KeptEvents();
            if (!kept.Ids.Add(published.Id))
                return false;
            kept.Events.Enqueue(published);
            if (kept.Events.Count > RecentPerAlert)
                kept.Ids.Remove(kept.Events.Dequeue().Id);
            if (subscribers.TryGetValue(alertId, out var live)) // most alerts have none: no list made for them
            {
                foreach (var subscriber in live)
                    subscriber.Writer.TryWrite(published);
            }
            return true;
        }
    }

    private sealed record KeptEvents
    {
        public Queue<AlertEvent> Events { get; } = new();

        public HashSet<long> Ids { get; } = [];
    }

    /// <summary>
    /// Subscribes to an alert's events: the kept ones after the last kept with <paramref name="lastEventId"/> (every
    /// kept one when none has it; none when null), then each new one. Disposing the subscription ends it.
    /// </summary>
    public AlertSubscription Subscribe(string alertId, long? lastEventId)
    {
        var live = Channel.CreateBounded<AlertEvent>(new BoundedChannelOptions(SubscriberBuffer) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (gate)
        {
            var kept = recent.GetValueOrDefault(alertId)?.Events.ToList() ?? [];
            var missed = lastEventId is { } after ? kept[(kept.FindLastIndex(e => e.Id == after) + 1)..] : [];
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
