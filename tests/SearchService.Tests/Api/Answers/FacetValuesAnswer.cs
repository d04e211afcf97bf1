namespace SearchService.Tests.Api.Answers;

/// <summary>
/// The JSON of <c>GET /facets/{name}</c>. Open: the answer may gain fields without breaking a client, so unknown members
/// are skipped; a renamed or missing field fails.
/// </summary>
public sealed record FacetValuesAnswer(string Facet, string Prefix, string Unit, List<FacetValueAnswer> Values);
