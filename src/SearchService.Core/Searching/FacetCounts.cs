using System.ComponentModel;
using System.Text.Json.Serialization;

namespace SearchService.Core.Searching;

/// <summary>
/// Counts per facet over all matching paragraphs. Each facet is counted with every filter applied except its own,
/// so a user can widen a facet selection (multi-select) and see what each extra value would add.
/// </summary>
/// <param name="RegionTree">The region facet as a continent → sub-region → country tree, when asked for.</param>
/// <param name="Date">Matches per year or month of publication, oldest first, when asked for (counted with every filter
/// except the date range).</param>
public sealed record FacetCounts(
    IReadOnlyList<FacetValue> Region,
    IReadOnlyList<FacetValue> Topic,
    IReadOnlyList<FacetValue> Speaker,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<FacetTreeNode>? RegionTree = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<FacetValue>? Date = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [property: Description("The publisher fields Search:FilterFields makes facets (\"section\", \"fields.desk\"), by name, each counted like region: every filter applied but its own. Absent when none is configured.")]
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>>? Fields = null);
