using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>
/// The facet counts of a sharded search: every shard's counts summed (an article lives in one shard, so counts in
/// articles add up too), then listed as one index lists them (<see cref="FacetCounting"/>).
/// </summary>
internal static class GatheredFacets
{
    public static FacetCounts Merge(SearchRequest request, IReadOnlyList<ShardFacets> shards)
    {
        var facets = request.FacetFields().ToDictionary(f => f, f => Sum(shards.Select(s => s.Values[f])));
        return new FacetCounts(
            FacetCounting.Ranked(facets[IndexSchema.Region], request.Region, request.FacetSize),
            FacetCounting.Ranked(facets[IndexSchema.Topic], request.Topic, request.FacetSize),
            FacetCounting.Ranked(facets[IndexSchema.Speaker], request.Speaker, request.FacetSize),
            request.RegionTree ? RegionTree.Build(Sum(shards.Select(s => s.RegionPaths!)), request.FacetSize) : null,
            request.DateFacet is null ? null : DatesOf(shards),
            request.Fields?.Counted.ToDictionary(f => f, f => FacetCounting.Ranked(facets[f], request.FilterValues(f), request.FacetSize)));
    }

    /// <summary>Each value's counts added up.</summary>
    public static Dictionary<string, int> Sum(IEnumerable<IReadOnlyDictionary<string, int>> counts)
    {
        var sum = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (value, count) in counts.SelectMany(c => c))
            sum[value] = sum.GetValueOrDefault(value) + count;
        return sum;
    }

    /// <summary>The date buckets added up, oldest first (the labels, year or year-month, sort as their dates).</summary>
    private static IReadOnlyList<FacetValue> DatesOf(IReadOnlyList<ShardFacets> shards) =>
        Sum(shards.Select(s => s.Dates!.ToDictionary(d => d.Value, d => d.Count)))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new FacetValue(kv.Key, kv.Value))
            .ToList();
}
