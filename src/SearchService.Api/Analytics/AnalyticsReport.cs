namespace SearchService.Api.Analytics;

/// <summary>What <c>GET /analytics</c> answers: searches, zero-result searches and clicks over some days.</summary>
/// <param name="From">First day counted (UTC).</param>
/// <param name="To">Last day counted (UTC).</param>
/// <param name="Searches">First-page searches with words.</param>
/// <param name="ZeroResultSearches">Those that found nothing.</param>
/// <param name="Clicks">Clicks on hits reported by search boxes (<c>POST /analytics/click</c>).</param>
/// <param name="ClickThroughRate">Clicks per search (a search with two clicks counts two).</param>
/// <param name="MeanClickPosition">Mean position of the clicked hits (1: the first hit of the first page); null without clicks.</param>
/// <param name="UntrackedSearches">Searches counted in the totals but not by query: a day's query limit was reached or the query was too long.</param>
/// <param name="TopQueries">The most searched queries, most first.</param>
/// <param name="TopZeroResultQueries">The queries that most often found nothing, most first: what the collection or its synonyms lack.</param>
public sealed record AnalyticsReport(
    DateOnly From, DateOnly To, long Searches, long ZeroResultSearches, long Clicks, double ClickThroughRate, double? MeanClickPosition,
    long UntrackedSearches,
    IReadOnlyList<QueryCount> TopQueries, IReadOnlyList<QueryCount> TopZeroResultQueries);
