namespace SearchService.Core.Searching;

/// <summary>
/// Every count of a search's facets before any is cut to its top values: each facet's tally, the region paths of the
/// region tree and the date buckets, when asked for. Disposing it returns the tallies' arrays.
/// </summary>
internal sealed class FacetTallies(IReadOnlyDictionary<string, FacetTally> facets, FacetTally? regionPaths, IReadOnlyList<FacetValue>? dates) : IDisposable
{
    /// <summary>Each facet's counts, by field.</summary>
    public IReadOnlyDictionary<string, FacetTally> Facets { get; } = facets;

    /// <summary>The counts of region paths ("Asia", "Asia␟South Asia", ...), when the region tree is asked for.</summary>
    public FacetTally? RegionPaths { get; } = regionPaths;

    /// <summary>The date facet, oldest first, when asked for.</summary>
    public IReadOnlyList<FacetValue>? Dates { get; } = dates;

    public void Dispose()
    {
        foreach (var tally in Facets.Values)
            tally.Dispose();
        RegionPaths?.Dispose();
    }
}
