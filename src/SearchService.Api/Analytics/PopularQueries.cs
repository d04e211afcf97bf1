using SearchService.Core.Searching;

namespace SearchService.Api.Analytics;

/// <summary>
/// The queries searched often enough, and with results, to be offered as completions: an immutable snapshot, sorted by
/// text so that the queries starting with what is typed are one contiguous run.
/// </summary>
public sealed class PopularQueries
{
    /// <summary>Suggestion kind of a popular query.</summary>
    public const string Kind = "query";

    /// <summary>Queries of a run looked at for one completion: a short prefix of a big table must stay cheap.</summary>
    private const int MaxScanned = 2_000;

    private readonly (string Query, long Searches)[] byText;

    public PopularQueries(IEnumerable<KeyValuePair<string, long>> counts, long atLeast) =>
        byText = atLeast <= 0
            ? []
            : counts.Where(c => c.Value >= atLeast).Select(c => (c.Key, c.Value)).OrderBy(c => c.Key, StringComparer.Ordinal).ToArray();

    public static PopularQueries None { get; } = new([], 0);

    public int Count => byText.Length;

    /// <summary>The most searched queries starting with <paramref name="typed"/> (normalized), itself excluded, most searched first.</summary>
    public IReadOnlyList<Suggestion> Complete(string typed, int size)
    {
        if (typed.Length < 2 || size <= 0 || byText.Length == 0)
            return [];
        var start = LowerBound(typed);
        var found = new List<(string Query, long Searches)>();
        for (var i = start; i < byText.Length && i - start < MaxScanned && byText[i].Query.StartsWith(typed, StringComparison.Ordinal); i++)
        {
            if (byText[i].Query.Length > typed.Length)
                found.Add(byText[i]);
        }
        return found.OrderByDescending(q => q.Searches).ThenBy(q => q.Query, StringComparer.Ordinal).Take(size)
            .Select(q => new Suggestion(q.Query, Kind, (int)Math.Min(q.Searches, int.MaxValue))).ToList();
    }

    private int LowerBound(string typed)
    {
        int low = 0, high = byText.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(byText[middle].Query, typed) < 0)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }
}
