using Lucene.Net.Search;

namespace SearchService.Core.Searching;

/// <summary>
/// The collect-and-count stage in one unit of hits (<see cref="ResultUnit"/>): one pass over a search's matches that
/// keeps the best hits, counts the matches and the facets given, and re-scores a question's best matches
/// (<see cref="QuestionRescorer"/>) before the best hits are put in order.
/// </summary>
internal interface IMatchPass
{
    /// <param name="query">The query with every filter.</param>
    /// <param name="facets">Facets to count in this pass (those without a filter of their own).</param>
    /// <param name="alsoCollect">Another collector over the same matches, in document order (null: none).</param>
    CollectedHits Run(IndexSearcher searcher, Query query, RankingPlan plan, IReadOnlyList<string> facets, ICollector? alsoCollect);
}
