namespace SearchService.Core.Facets;

/// <summary>The three facet value lists of one paragraph (or of a whole article), each distinct and in canonical form.</summary>
public sealed record ParagraphFacets(
    IReadOnlyList<string> Region,
    IReadOnlyList<string> Topic,
    IReadOnlyList<string> Speaker)
{
    public static ParagraphFacets Empty { get; } = new([], [], []);
}
