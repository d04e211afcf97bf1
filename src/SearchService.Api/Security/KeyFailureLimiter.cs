using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SearchService.Api.Limits;

namespace SearchService.Api.Security;

/// <summary>
/// Counts wrong keys per client (<see cref="ClientPartition"/>): past <see cref="AccessOptions.KeyFailuresPerMinute"/>
/// within a minute from its first wrong key, every key the client presents, even the right one, is answered 429 until
/// that minute is over, so keys cannot be guessed at the speed of the network. A request without a key guesses nothing
/// and is not counted. Time comes from the <see cref="TimeProvider"/>, so the end of the minute can be tested.
/// </summary>
public sealed class KeyFailureLimiter(IOptionsMonitor<AccessOptions> options, ClientRoster clients, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // By client partition, so bounded as the roster is; a minute that is over is swept away.
    private readonly ConcurrentDictionary<string, Failures> failures = new(StringComparer.Ordinal);
    private long nextSweepTicks;

    /// <summary>
    /// Checks a presented key: null when it is right and the client is not locked out, else the 401 or 429 to answer.
    /// </summary>
    public IResult? Refusal(HttpContext context, string? presented, bool matches, string detail)
    {
        if (presented is not null && IsLockedOut(context, out var retryAfter))
            return KeyProblem.TooManyFailures(context, retryAfter);
        if (matches)
            return null;
        if (presented is not null)
            CountFailure(context);
        return KeyProblem.Unauthorized(context, detail);
    }

    /// <summary>Whether the client has used up its wrong keys; if so, when it may try again.</summary>
    public bool IsLockedOut(HttpContext context, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        var permits = options.CurrentValue.KeyFailuresPerMinute;
        if (permits <= 0 || !failures.TryGetValue(Partition(context), out var client))
            return false;
        lock (client)
        {
            retryAfter = client.Since + Window - time.GetUtcNow();
            return client.Count >= permits && retryAfter > TimeSpan.Zero;
        }
    }

    public void CountFailure(HttpContext context)
    {
        if (options.CurrentValue.KeyFailuresPerMinute <= 0)
            return;
        var partition = Partition(context);
        var now = time.GetUtcNow();
        while (true)
        {
            var client = failures.GetOrAdd(partition, _ => new Failures(now));
            lock (client)
            {
                if (client.Swept)
                    continue; // swept between the look-up and the lock: count on its successor
                if (now - client.Since >= Window)
                    (client.Since, client.Count) = (now, 0);
                client.Count++;
                break;
            }
        }
        Sweep(now);
    }

    private string Partition(HttpContext context) => clients.PartitionFor(ClientPartition.For(context));

    /// <summary>Forgets clients whose minute is over; at most once a minute, since it reads the whole table.</summary>
    private void Sweep(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref nextSweepTicks, now.UtcTicks + Window.Ticks, due) != due)
            return;
        foreach (var (partition, client) in failures)
        {
            lock (client)
            {
                if (now - client.Since < Window)
                    continue;
                client.Swept = true;
                failures.TryRemove(new KeyValuePair<string, Failures>(partition, client));
            }
        }
    }

    /// <summary>One client's wrong keys since the start of its minute; locked while read or counted.</summary>
    private sealed class Failures(DateTimeOffset since)
    {
        public DateTimeOffset Since = since;
        public int Count;
        public bool Swept;
    }
}
