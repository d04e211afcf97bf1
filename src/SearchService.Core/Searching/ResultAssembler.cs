namespace SearchService.Core.Searching;

/// <summary>The assemble stage: the answer to a search from what the stages before found, with its "did you mean".</summary>
internal sealed class ResultAssembler(DidYouMeanBuilder spelling)
{
    public SearchResult Assemble(
        SearchRequest request, ParsedQuery? parsed, CollectedHits collected, IReadOnlyList<SearchHit> hits, FacetCounts facets, TimeSpan took) => new(
        collected.Total, request.Page, request.PageSize, took.TotalMilliseconds, hits, facets,
        collected.TotalArticles,
        spelling.DidYouMean(request.Query, parsed?.Corrections ?? [], hits));
}
