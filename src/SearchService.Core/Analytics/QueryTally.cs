namespace SearchService.Core.Analytics;

/// <summary>One query's counts on one day.</summary>
public sealed class QueryTally
{
    /// <summary>First-page searches for the query.</summary>
    public long Searches { get; set; }

    /// <summary>Those of <see cref="Searches"/> that found nothing.</summary>
    public long ZeroResults { get; set; }

    /// <summary>Clicks on a hit reported for the query.</summary>
    public long Clicks { get; set; }

    /// <summary>
    /// Those of <see cref="Searches"/> made without a scoped key that found something: only these make a query a completion
    /// offered to everyone (a scoped key's searches must not show on another site).
    /// </summary>
    public long OpenSearches { get; set; }

    public void Add(QueryTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Searches += other.Searches;
        ZeroResults += other.ZeroResults;
        Clicks += other.Clicks;
        OpenSearches += other.OpenSearches;
    }
}
