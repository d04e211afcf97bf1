using System.Buffers;

namespace SearchService.Core.Searching;

/// <summary>
/// Counts of one facet's values over one search, by global ordinal; values become strings only when read. The counts
/// live in a pooled array (speakers run into thousands of values, and a search counts three facets or more): dispose
/// the tally when its values have been read.
/// </summary>
internal sealed class FacetTally(FacetOrdinals ordinals) : IDisposable
{
    private int[]? counts = RentCleared(ordinals.ValueCount);

    /// <summary>The counts by global ordinal, to count into; only the first <see cref="FacetOrdinals.ValueCount"/> are used.</summary>
    public int[] Counts => counts ?? throw new ObjectDisposedException(nameof(FacetTally));

    /// <summary>The <paramref name="size"/> values with the highest counts, then by value (ordinal order).</summary>
    public List<FacetValue> Top(int size)
    {
        // Kept best first in two arrays, in place of a heap whose comparer was called for every counted value: the
        // ordinals come in increasing order, so a value enters after every kept value with its count or more, and once
        // the arrays are full only a count above the last one's can enter.
        var length = Math.Clamp(size, 0, ordinals.ValueCount);
        var bestOrds = new int[length];
        var bestCounts = new int[length];
        var kept = 0;
        var all = Counts;
        for (var ord = 0; ord < ordinals.ValueCount && length > 0; ord++)
        {
            var count = all[ord];
            if (count == 0 || (kept == length && count <= bestCounts[kept - 1]))
                continue;
            var at = After(bestCounts, kept, count);
            var moved = (kept == length ? kept - 1 : kept) - at;
            Array.Copy(bestOrds, at, bestOrds, at + 1, moved);
            Array.Copy(bestCounts, at, bestCounts, at + 1, moved);
            bestOrds[at] = ord;
            bestCounts[at] = count;
            kept = Math.Min(kept + 1, length);
        }
        var ranked = new List<FacetValue>(kept);
        for (var i = 0; i < kept; i++)
            ranked.Add(new FacetValue(ordinals.Value(bestOrds[i]), bestCounts[i]));
        return ranked;
    }

    /// <summary>Where <paramref name="count"/> goes among the first <paramref name="kept"/> counts (highest first): after every one at least as high.</summary>
    private static int After(int[] counts, int kept, int count)
    {
        var (low, high) = (0, kept);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (counts[middle] >= count)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }

    public int CountOf(string value) => ordinals.Find(value) is var ord and >= 0 ? Counts[ord] : 0;

    /// <summary>Every value counted at least once, with its count.</summary>
    public Dictionary<string, int> All()
    {
        var all = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var ord = 0; ord < ordinals.ValueCount; ord++)
        {
            if (Counts[ord] > 0)
                all[ordinals.Value(ord)] = Counts[ord];
        }
        return all;
    }

    public void Dispose()
    {
        if (counts is { } rented)
        {
            counts = null;
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    private static int[] RentCleared(int length)
    {
        var array = ArrayPool<int>.Shared.Rent(length);
        Array.Clear(array, 0, length);
        return array;
    }
}
