using System.ComponentModel;
using System.Text.Json.Serialization;

namespace SearchService.Core.Searching;

/// <summary>A page of hits with facet counts over all matches.</summary>
/// <param name="Total">Number of matching paragraphs.</param>
/// <param name="TotalArticles">Number of articles with a matching paragraph; given when hits are articles (collapse=article).</param>
/// <param name="Facets">Counted in paragraphs, or in articles when hits are articles.</param>
public sealed record SearchResult(
    [property: Description("Matching paragraphs, over all matches (not only this page).")] long Total,
    int Page,
    int PageSize,
    double TookMs,
    IReadOnlyList<SearchHit> Hits,
    [property: Description("Facet counts over all matches: in paragraphs, or in articles with collapse=article.")] FacetCounts Facets,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [property: Description("Articles with a matching paragraph; only with collapse=article, where it is what a pager counts.")]
    long? TotalArticles = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [property: Description("The query with misspelt words corrected from the index's vocabulary, when a word was corrected; the hits already include the corrected words' matches, ranked below exact ones.")]
    string? DidYouMean = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [property: Description("An opaque cursor: pass it as after, with the same query and filters, for the hits after this page's last one. Absent on the last page, and with rerank=semantic.")]
    string? Next = null);
