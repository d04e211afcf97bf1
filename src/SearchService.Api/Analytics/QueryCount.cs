namespace SearchService.Api.Analytics;

/// <summary>A query's counts over the days asked for.</summary>
/// <param name="Query">The query as counted: lower-case, runs of spaces as one.</param>
/// <param name="Searches">First-page searches for it.</param>
/// <param name="ZeroResults">Those of them that found nothing.</param>
/// <param name="Clicks">Clicks on its hits reported by search boxes.</param>
/// <param name="ClickThroughRate">Clicks per search.</param>
public sealed record QueryCount(string Query, long Searches, long ZeroResults, long Clicks, double ClickThroughRate);
