namespace SearchService.Core.Alerts;

/// <summary>
/// The articles handed to the percolator and not yet matched, by id, each counted as often as it was handed over (an
/// article written again while its earlier version waits is matched twice). What each commit records as unmatched, and
/// how far behind matching is. Thread-safe.
/// </summary>
internal sealed class UnmatchedArticles
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);
    private long total;

    /// <summary>How many handed over are not yet matched.</summary>
    public long Count => Interlocked.Read(ref total);

    public void Add(string id)
    {
        lock (gate)
        {
            counts[id] = counts.GetValueOrDefault(id) + 1;
            Interlocked.Increment(ref total);
        }
    }

    /// <summary>One handing-over of the article is done with (matched, or found gone).</summary>
    public void Remove(string id)
    {
        lock (gate)
        {
            if (!counts.TryGetValue(id, out var count))
                return;
            if (count > 1)
                counts[id] = count - 1;
            else
                counts.Remove(id);
            Interlocked.Decrement(ref total);
        }
    }

    public IReadOnlyCollection<string> Ids()
    {
        lock (gate)
            return counts.Keys.ToList();
    }
}
