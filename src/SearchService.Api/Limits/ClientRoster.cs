using System.Collections.Concurrent;

namespace SearchService.Api.Limits;

/// <summary>
/// The clients the per-client limits keep apart, at most <see cref="Security.AccessOptions.MaxTrackedClients"/> of them: each has
/// a partition of its own while seen within <see cref="Memory"/>; past the bound, newcomers share one overflow partition
/// until old entries lapse. The rate limiters keep a limiter per partition, so this bounds their tables too, however
/// many addresses send requests (one IPv6 /48 holds 65,536 /64s). Thread-safe.
/// </summary>
public sealed class ClientRoster(int capacity, TimeProvider time)
{
    public const string Overflow = "overflow";

    /// <summary>Longer than the longest limiter window (a minute of wrong keys) and the limiters' own idle time.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, DateTimeOffset> lastSeen = new(StringComparer.Ordinal);
    private int count; // ConcurrentDictionary.Count takes every lock
    private long nextSweepTicks;

    public int Count => Volatile.Read(ref count);

    /// <summary>The partition for <paramref name="client"/> (a <see cref="ClientPartition"/> key).</summary>
    public string PartitionFor(string client)
    {
        var now = time.GetUtcNow();
        if (lastSeen.ContainsKey(client))
        {
            lastSeen[client] = now;
            return client;
        }
        if (Count >= capacity && !Swept(now))
            return Overflow;
        if (lastSeen.TryAdd(client, now))
            Interlocked.Increment(ref count);
        return client;
    }

    /// <summary>Forgets clients not seen within <see cref="Memory"/>; at most once a second, since it reads the whole table.</summary>
    private bool Swept(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref nextSweepTicks, now.UtcTicks + TimeSpan.TicksPerSecond, due) != due)
            return Count < capacity;
        foreach (var (client, seen) in lastSeen)
            if (now - seen > Memory && lastSeen.TryRemove(new KeyValuePair<string, DateTimeOffset>(client, seen)))
                Interlocked.Decrement(ref count);
        return Count < capacity;
    }
}
