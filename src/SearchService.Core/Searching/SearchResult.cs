namespace SearchService.Core.Searching;

/// <summary>A page of matching paragraphs with facet counts over all of them.</summary>
/// <param name="Total">Number of matching paragraphs.</param>
public sealed record SearchResult(long Total, int Page, int PageSize, double TookMs, IReadOnlyList<SearchHit> Hits, FacetCounts Facets);
