namespace SearchService.Core.Searching;

/// <summary>The assemble stage: the answer to a search from what the stages before found, with its "did you mean".</summary>
internal sealed class ResultAssembler(DidYouMeanBuilder spelling)
{
    /// <param name="total">How many paragraphs matched.</param>
    /// <param name="totalArticles">How many articles matched; null with paragraph hits.</param>
    public SearchResult Assemble(
        SearchRequest request, ParsedQuery? parsed, long total, long? totalArticles, IReadOnlyList<SearchHit> hits, FacetCounts facets, TimeSpan took) => new(
        total, request.Page, request.PageSize, took.TotalMilliseconds, hits, facets,
        totalArticles,
        spelling.DidYouMean(request.Query, parsed?.Corrections ?? [], hits));
}
