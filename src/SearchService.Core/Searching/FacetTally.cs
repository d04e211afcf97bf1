using System.Buffers;

namespace SearchService.Core.Searching;

/// <summary>
/// Counts of one facet's values over one search, by global ordinal; values become strings only when read. The counts
/// live in a pooled array (speakers run into thousands of values, and a search counts three facets or more): dispose
/// the tally when its values have been read.
/// </summary>
internal sealed class FacetTally(FacetOrdinals ordinals) : IDisposable
{
    // Worst first, so the top values can be kept in a heap of the requested size: lower count, then later value.
    private static readonly Comparer<(int Count, int Ord)> WorstFirst =
        Comparer<(int Count, int Ord)>.Create((a, b) => a.Count != b.Count ? a.Count.CompareTo(b.Count) : b.Ord.CompareTo(a.Ord));

    private int[]? counts = RentCleared(ordinals.ValueCount);

    /// <summary>The counts by global ordinal, to count into; only the first <see cref="FacetOrdinals.ValueCount"/> are used.</summary>
    public int[] Counts => counts ?? throw new ObjectDisposedException(nameof(FacetTally));

    /// <summary>The <paramref name="size"/> values with the highest counts, then by value (ordinal order).</summary>
    public List<FacetValue> Top(int size)
    {
        var top = new PriorityQueue<int, (int Count, int Ord)>(WorstFirst);
        for (var ord = 0; ord < ordinals.ValueCount && size > 0; ord++)
        {
            var count = Counts[ord];
            if (count == 0)
                continue;
            if (top.Count < size)
                top.Enqueue(ord, (count, ord));
            else if (top.TryPeek(out _, out var worst) && WorstFirst.Compare((count, ord), worst) > 0)
                top.EnqueueDequeue(ord, (count, ord));
        }
        var ranked = new List<FacetValue>(top.Count);
        while (top.TryDequeue(out var ord, out _))
            ranked.Add(new FacetValue(ordinals.Value(ord), Counts[ord]));
        ranked.Reverse();
        return ranked;
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
