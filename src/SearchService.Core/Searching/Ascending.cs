namespace SearchService.Core.Searching;

/// <summary>Binary search in lists kept in ascending order of a key, which may repeat.</summary>
internal static class Ascending
{
    /// <summary>The index of the first item whose key is at least <paramref name="value"/>, or the list's length.</summary>
    public static int FirstAtLeast<T>(IReadOnlyList<T> sorted, int value, Func<T, int> key)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (key(sorted[middle]) >= value)
                high = middle;
            else
                low = middle + 1;
        }
        return low;
    }
}
