using System.Diagnostics;

namespace SearchService.Core.Searching;

/// <summary>
/// When the terms a query expands to must have been enumerated by, on this thread. Lucene enumerates them while it
/// rewrites a query (before any collector runs, so a collector's time limit never sees them) and, for a constant-score
/// filter, while it searches; the searcher sets the deadline around both, and <see cref="DeadlineTermsEnum"/> checks it.
/// </summary>
internal static class RewriteDeadline
{
    [ThreadStatic]
    private static long deadline;

    [ThreadStatic]
    private static TimeSpan budget;

    /// <summary>Sets the deadline to <paramref name="limit"/> from now until the returned scope is disposed.</summary>
    public static Scope Start(TimeSpan limit)
    {
        var outer = new Scope(deadline, budget);
        deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        budget = limit;
        return outer;
    }

    /// <summary>Reading the clock for every term would cost more than the terms; every so many is often enough.</summary>
    private const int CheckEvery = 64;

    [ThreadStatic]
    private static int untilCheck;

    /// <summary>Counts one term read; every <see cref="CheckEvery"/> terms, throws when the deadline has passed.</summary>
    /// <exception cref="QueryTimeoutException">The deadline has passed.</exception>
    public static void Tick()
    {
        if (--untilCheck > 0)
            return;
        untilCheck = CheckEvery;
        if (deadline != 0 && Stopwatch.GetTimestamp() > deadline)
            throw new QueryTimeoutException(budget, new TimeoutException("The query's terms were still being enumerated when its time ran out."));
    }

    /// <summary>Restores the deadline that was in force before (none, or an enclosing search's).</summary>
    public readonly struct Scope(long outerDeadline, TimeSpan outerBudget) : IDisposable
    {
        public void Dispose()
        {
            deadline = outerDeadline;
            budget = outerBudget;
        }
    }
}
