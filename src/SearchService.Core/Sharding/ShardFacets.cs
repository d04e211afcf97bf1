using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>A shard's facet counts, every value of each (not cut to the top values, so the sums over shards are exact).</summary>
/// <param name="Values">Each facet's values and counts, by field.</param>
/// <param name="RegionPaths">The region tree's paths and counts, when asked for.</param>
/// <param name="Dates">The date facet, when asked for.</param>
public sealed record ShardFacets(
    IReadOnlyDictionary<string, Dictionary<string, int>> Values,
    IReadOnlyDictionary<string, int>? RegionPaths,
    IReadOnlyList<FacetValue>? Dates)
{
    internal static ShardFacets Of(FacetTallies tallies) => new(
        tallies.Facets.ToDictionary(kv => kv.Key, kv => kv.Value.All()),
        tallies.RegionPaths?.All(),
        tallies.Dates);
}
