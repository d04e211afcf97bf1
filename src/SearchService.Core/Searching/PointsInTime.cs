using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// The readers cursor walks read (Elasticsearch's point in time, opened implicitly): every search runs on the current
/// reader's point, so its answer's cursor can lead on to more of the very same matches. Searches between two refreshes
/// share one reader, so points are few: one per reader that served a search. A point is closed when it has not been
/// used for <see cref="KeepAlive"/>, and the least recently used one when more than <see cref="MaxOpen"/> are open, so
/// what a walk can hold (old segments kept open on disk) is bounded whatever clients do.
/// </summary>
/// <param name="firstId">The ids are numbered from here: a shard copy starts at a random one, so that a cursor naming a point
/// of an earlier activation of the copy finds none rather than another reader.</param>
public sealed class PointsInTime(SearchIndex index, TimeProvider clock, TimeSpan keepAlive, int maxOpen, long firstId = 0) : IDisposable
{
    public static readonly TimeSpan DefaultKeepAlive = TimeSpan.FromMinutes(5);
    public const int DefaultMaxOpen = 32;

    private readonly object gate = new();
    private readonly Dictionary<long, PointInTime> open = [];
    private long lastId = firstId;

    public PointsInTime(SearchIndex index) : this(index, TimeProvider.System, DefaultKeepAlive, DefaultMaxOpen)
    {
    }

    public TimeSpan KeepAlive => keepAlive;

    public int MaxOpen => maxOpen;

    /// <summary>How many points are open.</summary>
    public int Count
    {
        get
        {
            lock (gate)
                return open.Count;
        }
    }

    /// <summary>The point of the current reader, opened if none is; dispose it when the search ends.</summary>
    public PointInTime Current()
    {
        var lease = index.LeaseSearcher();
        lock (gate)
        {
            var now = clock.GetUtcNow();
            CloseIdle(now);
            if (open.Values.FirstOrDefault(p => ReferenceEquals(p.Searcher.IndexReader, lease.Searcher.IndexReader)) is { } same)
            {
                lease.Dispose();
                return same.Enter(now);
            }
            var point = new PointInTime(++lastId, lease, now);
            open.Add(point.Id, point);
            // Never the new one, which a search is about to read, even when the others were used at the same instant.
            while (open.Count > maxOpen)
                Close(open.Values.Where(p => p != point).MinBy(p => p.LastUsed)!);
            return point.Enter(now);
        }
    }

    /// <summary>
    /// A search begins on <paramref name="point"/>, which its caller holds (so its reader is open even if the point was
    /// closed meanwhile); dispose it when the search ends.
    /// </summary>
    public PointInTime Enter(PointInTime point)
    {
        lock (gate)
            return point.Enter(clock.GetUtcNow());
    }

    /// <summary>The open point <paramref name="id"/>, or null when it was closed; dispose it when the search ends.</summary>
    public PointInTime? Find(long id)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            CloseIdle(now);
            return open.TryGetValue(id, out var point) ? point.Enter(now) : null;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var point in open.Values.ToList())
                Close(point);
        }
    }

    private void CloseIdle(DateTimeOffset now)
    {
        foreach (var idle in open.Values.Where(p => now - p.LastUsed > keepAlive).ToList())
            Close(idle);
    }

    private void Close(PointInTime point)
    {
        open.Remove(point.Id);
        point.Close();
    }
}
