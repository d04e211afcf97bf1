namespace SearchService.Core.Analytics;

/// <summary>
/// Which of a day's query increments a storage adds, so that a day holds at most so many distinct queries however many
/// counters add to it: the queries it holds already, then new ones in the order counted while there is room. A new
/// query's searches beyond it are refused (the storage counts them as untracked); a new query with only clicks is
/// dropped, since a click never adds a query.
/// </summary>
public static class DayQueryLimit
{
    public static (List<KeyValuePair<string, QueryTally>> Added, List<KeyValuePair<string, QueryTally>> Refused) Split(
        IEnumerable<KeyValuePair<string, QueryTally>> increments, Func<string, bool> stored, long storedCount, int maxQueriesPerDay)
    {
        ArgumentNullException.ThrowIfNull(increments);
        ArgumentNullException.ThrowIfNull(stored);
        var added = new List<KeyValuePair<string, QueryTally>>();
        var refused = new List<KeyValuePair<string, QueryTally>>();
        foreach (var increment in increments)
        {
            if (stored(increment.Key))
                added.Add(increment);
            else if (increment.Value.Searches == 0)
                continue;
            else if (storedCount < maxQueriesPerDay)
            {
                added.Add(increment);
                storedCount++;
            }
            else
                refused.Add(increment);
        }
        return (added, refused);
    }
}
