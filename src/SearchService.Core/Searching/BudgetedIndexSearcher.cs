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
internal class BudgetedIndexSearcher(IndexReader reader, TimeSpan budget) : IndexSearcher(reader)
{
    /// <summary>How long one search may take.</summary>
    public TimeSpan Budget { get; } = budget;

    public override Query Rewrite(Query original)
    {
        using var deadline = RewriteDeadline.Start(Budget);
        return base.Rewrite(original);
    }

    protected override void Search(IList<AtomicReaderContext> leaves, Weight weight, ICollector collector)
    {
        using var deadline = RewriteDeadline.Start(Budget);
        WithinBudget(collector, limited => base.Search(leaves, weight, limited));
    }

    /// <summary>
    /// Runs a collection under the budget: <paramref name="collect"/> collects into <paramref name="collector"/> limited
    /// in time. Also for a collection made without <see cref="Search(IList{AtomicReaderContext}, Weight, ICollector)"/>
    /// (<see cref="QuestionFirstStage"/>).
    /// </summary>
    internal void WithinBudget(ICollector collector, Action<ICollector> collect)
    {
        var limited = new TimeLimitingCollector(collector, TimeLimitingCollector.GlobalCounter, (long)Budget.TotalMilliseconds);
        limited.SetBaseline();
        try
        {
            collect(limited);
        }
        catch (TimeLimitingCollector.TimeExceededException e)
        {
            throw new QueryTimeoutException(Budget, e);
        }
    }
}
