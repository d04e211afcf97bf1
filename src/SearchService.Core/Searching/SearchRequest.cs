namespace SearchService.Core.Searching;

/// <summary>
/// A validated search: the query, facet filters (values of one facet OR-ed, facets AND-ed), the page wanted, whether
/// the region facet is wanted as a tree too, whether hits are paragraphs or articles (their best paragraph), their order,
/// whether they carry score explanations, the publication dates they are limited to, and whether matches are counted
/// per year or month of publication (the date facet), and whether the best hits are re-ordered by meaning too
/// (<see cref="Semantics.SemanticReranker"/>); the part of the index it may see at all (<see cref="SearchScope"/>); and how
/// much fresh articles are favoured (<see cref="RecencyDecay"/>; null: not at all); and the articles editors pinned for
/// the query, shown first (<see cref="PinnedResults"/>; set by the service from <see cref="PinnedQueries"/>, never by a caller).
/// </summary>
/// <param name="Fields">The publisher fields configured as facets and the values the request filters them by
/// (<see cref="FieldFilters"/>); null: none configured.</param>
/// <param name="After">A cursor from an earlier answer's <see cref="SearchResult.Next"/>: the hits after its last one
/// (<see cref="CursorPaging"/>); null: the page asked for.</param>
public sealed record SearchRequest(
    string? Query,
    QuerySyntax Syntax = QuerySyntax.Simple,
    IReadOnlyList<string>? Region = null,
    IReadOnlyList<string>? Topic = null,
    IReadOnlyList<string>? Speaker = null,
    int Page = 1,
    int PageSize = 10,
    int FacetSize = 20,
    bool RegionTree = false,
    ResultUnit Unit = ResultUnit.Paragraph,
    ResultOrder Order = ResultOrder.Relevance,
    bool Explain = false,
    DateRange? Dates = null,
    DateInterval? DateFacet = null,
    bool SemanticRerank = false,
    SearchScope? Scope = null,
    string? After = null,
    RecencyDecay? Recency = null,
    IReadOnlyList<string>? Pinned = null,
    FieldFilters? Fields = null)
{
    public IReadOnlyList<string> FilterValues(string facet) => facet switch
    {
        Indexing.IndexSchema.Region => Region ?? [],
        Indexing.IndexSchema.Topic => Topic ?? [],
        Indexing.IndexSchema.Speaker => Speaker ?? [],
        _ when Fields is not null && Fields.Counted.Contains(facet) => Fields.ValuesOf(facet),
        _ => throw new ArgumentOutOfRangeException(nameof(facet), facet, "not a facet"),
    };

    /// <summary>Every facet the search counts and may filter by: region, topic, speaker and the configured publisher fields.</summary>
    public IReadOnlyList<string> FacetFields() => [.. Indexing.IndexSchema.FacetFields, .. Fields?.Counted ?? []];
}
