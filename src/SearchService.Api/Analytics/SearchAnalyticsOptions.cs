using SearchService.Core;

namespace SearchService.Api.Analytics;

/// <summary>The <c>Search:Analytics</c> configuration section: how long search analytics are kept and how much of them.</summary>
public sealed class SearchAnalyticsOptions
{
    public const string Section = $"{SearchOptions.Section}:Analytics";

    /// <summary>Days of counts kept (today included); older days' files are deleted. 0: nothing is counted or kept.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>Distinct queries counted one by one per day; searches for further queries count only in the day's totals.</summary>
    public int MaxQueriesPerDay { get; set; } = 10_000;

    /// <summary>Searches (without a scoped key, over the days kept) before a query that found something is offered by <c>/suggest</c>; 0: never.</summary>
    public int SuggestAfterSearches { get; set; } = 5;

    public bool Enabled => RetentionDays > 0;
}
