namespace SearchService.Tests.Api.Answers;

/// <summary>
/// The facet counts of <c>GET /search</c>. Open: a facet may be added without breaking a client, so unknown members are
/// skipped; the three facets are required, the region tree and the date facet come only when asked for.
/// </summary>
public sealed record FacetsAnswer(
    List<FacetValueAnswer> Region,
    List<FacetValueAnswer> Topic,
    List<FacetValueAnswer> Speaker,
    List<FacetTreeNodeAnswer>? RegionTree = null,
    List<FacetValueAnswer>? Date = null,
    Dictionary<string, List<FacetValueAnswer>>? Fields = null);
