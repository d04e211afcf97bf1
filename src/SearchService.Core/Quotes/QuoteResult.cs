using System.ComponentModel;
using SearchService.Core.Searching;

namespace SearchService.Core.Quotes;

/// <summary>A page of statements with facet counts over all matching statements.</summary>
public sealed record QuoteResult(
    [property: Description("Matching statements, over all matches (not only this page).")] long Total,
    int Page,
    int PageSize,
    double TookMs,
    IReadOnlyList<QuoteHit> Hits,
    [property: Description("Counts in statements for speaker, region, topic and verb, most frequent first; each facet counted with every filter but its own.")]
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets);
