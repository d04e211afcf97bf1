namespace SearchService.Core.Searching;

/// <summary>
/// Counts per facet over all matching paragraphs. Each facet is counted with every filter applied except its own,
/// so a user can widen a facet selection (multi-select) and see what each extra value would add.
/// </summary>
public sealed record FacetCounts(IReadOnlyList<FacetValue> Region, IReadOnlyList<FacetValue> Topic, IReadOnlyList<FacetValue> Speaker);
