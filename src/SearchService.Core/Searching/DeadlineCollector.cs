using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Searching;

/// <summary>
/// Stops a collection once its time budget is spent, as Lucene's <see cref="TimeLimitingCollector"/> does, but reads
/// the clock every <see cref="CheckEvery"/> matches and at each segment: that collector reads a counter shared by every
/// search (an interlocked read, bouncing one cache line between the cores) at every match, which cost as much as the
/// counting it guarded.
/// </summary>
internal sealed class DeadlineCollector(ICollector collector, TimeSpan budget) : ICollector
{
    /// <summary>A few microseconds of matching at most between two readings of the clock.</summary>
    internal const int CheckEvery = 256;

    private readonly long deadline = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency);
    private int untilCheck = CheckEvery;

    public bool AcceptsDocsOutOfOrder => collector.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => collector.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        ThrowIfPast();
        collector.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (--untilCheck == 0)
        {
            untilCheck = CheckEvery;
            ThrowIfPast();
        }
        collector.Collect(doc);
    }

    private void ThrowIfPast()
    {
        if (Stopwatch.GetTimestamp() > deadline)
            throw new QueryTimeoutException(budget, new TimeoutException("Matches were still being collected when the query's time ran out."));
    }
}
