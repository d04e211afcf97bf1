using System.ComponentModel;
using SearchService.Core.Searching;

namespace SearchService.Api.Endpoints;

/// <summary>Answer of <c>GET /facets/{name}</c>.</summary>
public sealed record FacetValuesResult(
    string Facet,
    string Prefix,
    [property: Description("What each count counts: 'paragraphs', or 'articles' with collapse=article.")] string Unit,
    [property: Description("Matching values, most frequent first, then by value.")] IReadOnlyList<FacetValue> Values);
