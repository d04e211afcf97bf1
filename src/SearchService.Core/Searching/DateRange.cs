using Lucene.Net.Search;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// The publication dates a search is limited to, both ends included; either end may be open. An article without a
/// date is outside every range: nobody asking for March 1987 wants undated articles.
/// </summary>
public sealed record DateRange(DateTimeOffset? From, DateTimeOffset? To)
{
    // Read from the date's doc values (UTC ticks), which an article without a date lacks (read as 0): the lowest
    // bound is 1 tick, so those never match.
    internal Query ToQuery() => new ConstantScoreQuery(FieldCacheRangeFilter.NewInt64Range(
        IndexSchema.Date, Math.Max(From?.UtcTicks ?? 1, 1), To?.UtcTicks ?? long.MaxValue, includeLower: true, includeUpper: true));
}
