using System.Text.Json.Serialization;

namespace SearchService.Tests.Api.Answers;

/// <summary>
/// A node of the region tree (<c>regionTree=true</c>). Complete: a node is a facet value with its children, so an
/// unknown member fails; a leaf has no <c>children</c>.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FacetTreeNodeAnswer(string Value, int Count, List<FacetTreeNodeAnswer>? Children = null);
