namespace SearchService.Core.Searching;

/// <summary>Counts of one facet's values over one search, by global ordinal; values become strings only when read.</summary>
internal sealed class FacetTally(FacetOrdinals ordinals, int[] counts)
{
    /// <summary>The <paramref name="size"/> values with the highest counts, then by value (ordinal order).</summary>
    public List<FacetValue> Top(int size)
    {
        var counted = new List<int>();
        for (var ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] > 0)
                counted.Add(ord);
        }
        // Ordinals are in value order, so the tie-break by ordinal is the tie-break by value.
        counted.Sort((a, b) => counts[a] != counts[b] ? counts[b].CompareTo(counts[a]) : a.CompareTo(b));
        return counted.Take(size).Select(ord => new FacetValue(ordinals.Value(ord), counts[ord])).ToList();
    }

    public int CountOf(string value) => ordinals.Find(value) is var ord and >= 0 ? counts[ord] : 0;

    /// <summary>Every value counted at least once, with its count.</summary>
    public Dictionary<string, int> All()
    {
        var all = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] > 0)
                all[ordinals.Value(ord)] = counts[ord];
        }
        return all;
    }
}
