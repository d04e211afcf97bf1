using System.Text.Json.Serialization;

namespace SearchService.Core.Searching;

/// <summary>A facet value in a hierarchy with its paragraph count (itself or anything under it) and its children.</summary>
public sealed record FacetTreeNode(
    string Value,
    int Count,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] IReadOnlyList<FacetTreeNode>? Children);
