using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Core.Quotes;

/// <summary>What <c>/quotes</c> asks for: words in the statements, filters (values of one facet OR-ed, facets AND-ed), dates and a page.</summary>
/// <param name="Query">Words all required in a statement's text; null or blank: every statement, newest first.</param>
/// <param name="Scope">What a scoped search key lets the request see at all; null: everything.</param>
public sealed record QuoteRequest(
    string? Query = null,
    IReadOnlyList<string>? Speaker = null,
    IReadOnlyList<string>? Region = null,
    IReadOnlyList<string>? Topic = null,
    IReadOnlyList<string>? Verb = null,
    DateRange? Dates = null,
    int Page = 1,
    int PageSize = 10,
    int FacetSize = 20,
    SearchScope? Scope = null)
{
    /// <summary>The values a facet is filtered by (none: not filtered).</summary>
    public IReadOnlyList<string> FilterValues(string facet) => facet switch
    {
        IndexSchema.Speaker => Speaker ?? [],
        IndexSchema.Region => Region ?? [],
        IndexSchema.Topic => Topic ?? [],
        StatementDocuments.Verb => Verb ?? [],
        _ => throw new ArgumentException($"'{facet}' is no facet of statements.", nameof(facet)),
    };
}
