using System.Text.Json.Serialization;

namespace SearchService.Tests.Api.Answers;

/// <summary>The JSON of <c>GET /quotes</c>; every member must be read here.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record QuoteAnswer(long Total, int Page, int PageSize, double TookMs, List<QuoteHitAnswer> Hits, Dictionary<string, List<FacetValueAnswer>> Facets);
