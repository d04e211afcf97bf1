using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Searching;

namespace SearchService.Core.Indexing;

/// <summary>
/// An <see cref="IndexSearcher"/> whose every collection runs under a <see cref="TimeLimitingCollector"/>: a
/// pathological query is stopped after the budget instead of holding a thread for as long as it likes.
/// </summary>
internal sealed class BudgetedIndexSearcher(IndexReader reader, TimeSpan budget) : IndexSearcher(reader)
{
    protected override void Search(IList<AtomicReaderContext> leaves, Weight weight, ICollector collector)
    {
        var limited = new TimeLimitingCollector(collector, TimeLimitingCollector.GlobalCounter, (long)budget.TotalMilliseconds);
        limited.SetBaseline();
        try
        {
            base.Search(leaves, weight, limited);
        }
        catch (TimeLimitingCollector.TimeExceededException e)
        {
            throw new QueryTimeoutException(budget, e);
        }
    }
}
