using Lucene.Net.Search;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// One reader of the index held for cursor walks (<see cref="PointsInTime"/>): every page of a walk reads the same
/// documents with the same scores, whatever is written meanwhile. Each use is disposed when its search ends; the reader
/// is released once the point is closed and no search uses it.
/// </summary>
public sealed class PointInTime : IDisposable
{
    private readonly object gate = new();
    private readonly SearcherLease lease;
    private int users;
    private bool closed;

    internal PointInTime(long id, SearcherLease lease, DateTimeOffset now)
    {
        Id = id;
        this.lease = lease;
        LastUsed = now;
    }

    public long Id { get; }

    public IndexSearcher Searcher => lease.Searcher;

    /// <summary>When a search last began on it.</summary>
    internal DateTimeOffset LastUsed { get; private set; }

    /// <summary>A search begins on it; the search disposes it when it ends.</summary>
    internal PointInTime Enter(DateTimeOffset now)
    {
        lock (gate)
        {
            users++;
            LastUsed = now;
            return this;
        }
    }

    /// <summary>No new search begins on it; its reader is released when the last one ends.</summary>
    internal void Close()
    {
        lock (gate)
        {
            closed = true;
            if (users == 0)
                lease.Dispose();
        }
    }

    /// <summary>A search on it ends.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            users--;
            if (closed && users == 0)
                lease.Dispose();
        }
    }
}
