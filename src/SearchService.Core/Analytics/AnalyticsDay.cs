namespace SearchService.Core.Analytics;

/// <summary>
/// One day's search counts (UTC): as a single process writes them to its day file, and as a node adds what it counted
/// since its last flush to those an <see cref="IAnalyticsStorage"/> holds.
/// </summary>
public sealed class AnalyticsDay
{
    public DateOnly Date { get; init; }

    /// <summary>First-page searches with words, whatever their query.</summary>
    public long Searches { get; set; }

    public long ZeroResultSearches { get; set; }

    public long Clicks { get; set; }

    /// <summary>Sum of the clicked hits' positions (1 for the first hit of the first page), for the mean click position.</summary>
    public long ClickPositions { get; set; }

    /// <summary>Searches counted only here, not by query: the day already held its most queries, or the query was too long.</summary>
    public long UntrackedSearches { get; set; }

    /// <summary>Counts by normalized query (lower-case, runs of spaces as one).</summary>
    public Dictionary<string, QueryTally> Queries { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Adds the totals of <paramref name="other"/> to this day's, and its queries' counts to those of the same queries.</summary>
    public void Add(AnalyticsDay other)
    {
        ArgumentNullException.ThrowIfNull(other);
        AddTotals(other);
        foreach (var (query, tally) in other.Queries)
        {
            if (!Queries.TryGetValue(query, out var sum))
                Queries[query] = sum = new QueryTally();
            sum.Add(tally);
        }
    }

    /// <summary>Adds the totals of <paramref name="other"/> (searches, clicks...), not its queries.</summary>
    public void AddTotals(AnalyticsDay other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Searches += other.Searches;
        ZeroResultSearches += other.ZeroResultSearches;
        Clicks += other.Clicks;
        ClickPositions += other.ClickPositions;
        UntrackedSearches += other.UntrackedSearches;
    }

    /// <summary>A copy sharing nothing with this day.</summary>
    public AnalyticsDay Copy()
    {
        var copy = new AnalyticsDay { Date = Date };
        copy.Add(this);
        return copy;
    }
}
