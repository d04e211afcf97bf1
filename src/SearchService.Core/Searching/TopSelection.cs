namespace SearchService.Core.Searching;

/// <summary>The first few of many items in an order, without sorting them all (a bounded heap).</summary>
internal static class TopSelection
{
    /// <summary>The first <paramref name="count"/> items in the order <paramref name="bestFirst"/>, best first.</summary>
    public static List<T> Best<T>(IEnumerable<T> items, int count, IComparer<T> bestFirst)
    {
        var worstFirst = Comparer<T>.Create((x, y) => bestFirst.Compare(y, x));
        var kept = new PriorityQueue<T, T>(count + 1, worstFirst);
        foreach (var item in items)
        {
            if (kept.Count < count)
                kept.Enqueue(item, item);
            else if (count > 0 && bestFirst.Compare(item, kept.Peek()) < 0)
                kept.EnqueueDequeue(item, item);
        }
        var best = new List<T>(kept.Count);
        while (kept.TryDequeue(out var item, out _))
            best.Add(item);
        best.Reverse();
        return best;
    }
}
