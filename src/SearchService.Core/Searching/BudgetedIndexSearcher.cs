using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Searching;

/// <summary>
/// An <see cref="IndexSearcher"/> whose every rewrite and collection runs under the time budget: a pathological query is
/// stopped after the budget instead of holding a thread for as long as it likes. Collection runs under a
/// <see cref="TimeLimitingCollector"/>; the term enumeration of prefixes, wildcards, regular expressions, fuzzy terms
/// and ranges, which happens while the query is rewritten (before any collector) or inside a constant-score filter,
/// runs under a <see cref="RewriteDeadline"/>.
/// </summary>
internal sealed class BudgetedIndexSearcher(IndexReader reader, TimeSpan budget) : IndexSearcher(reader)
{
    public override Query Rewrite(Query original)
    {
        using var deadline = RewriteDeadline.Start(budget);
        return base.Rewrite(original);
    }

    protected override void Search(IList<AtomicReaderContext> leaves, Weight weight, ICollector collector)
    {
        var limited = new TimeLimitingCollector(collector, TimeLimitingCollector.GlobalCounter, (long)budget.TotalMilliseconds);
        limited.SetBaseline();
        using var deadline = RewriteDeadline.Start(budget);
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
