using System.Text.Json.Serialization;

namespace SearchService.Tests.Api.Answers;

/// <summary>A facet value with its count. Complete: a value is exactly these two fields, so an unknown member fails.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FacetValueAnswer(string Value, int Count);
