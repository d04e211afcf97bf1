using System.Text.Json.Serialization;

namespace SearchService.Tests.Api.Answers;

/// <summary>The JSON of <c>GET /speakers/{name}</c>; every member must be read here.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SpeakerProfileAnswer(
    string Name,
    string Kind,
    List<string> Variants,
    List<string> Roles,
    long Statements,
    List<FacetValueAnswer> StatementsByMonth,
    List<FacetValueAnswer> Topics,
    List<FacetValueAnswer> Regions,
    List<QuoteHitAnswer> Recent);
