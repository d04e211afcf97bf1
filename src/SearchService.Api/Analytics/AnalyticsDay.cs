namespace SearchService.Api.Analytics;

/// <summary>One day's search counts (UTC), as <see cref="SearchAnalytics"/> keeps them in memory and writes them to disk.</summary>
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

    /// <summary>Counts by normalized query (<see cref="SearchAnalytics.Normalize"/>).</summary>
    public Dictionary<string, QueryTally> Queries { get; init; } = new(StringComparer.Ordinal);
}
