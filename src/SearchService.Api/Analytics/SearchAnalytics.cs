using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SearchService.Core;
using SearchService.Core.Searching;

namespace SearchService.Api.Analytics;

/// <summary>
/// Counts searches, zero-result searches and clicks per query and day (UTC), with no personal data: no address, key or
/// user is kept, only the query's words. Today's counts are in memory and written by <see cref="Flush"/> (every few
/// seconds, <see cref="AnalyticsFlusher"/>, and at shutdown) to one file per day in <see cref="FolderName"/> in the
/// index folder, atomically; days older than the retention are deleted. Memory and disk stay bounded whatever clients
/// send: a day counts at most <see cref="SearchAnalyticsOptions.MaxQueriesPerDay"/> queries of at most
/// <see cref="MaxQueryLength"/> characters one by one, the rest only in its totals, and clicks never add a query.
/// </summary>
public sealed class SearchAnalytics
{
    public const string FolderName = "analytics";
    public const int MaxQueryLength = 200;

    private static readonly JsonSerializerOptions FileOptions = new(JsonSerializerDefaults.Web);

    private readonly SearchAnalyticsOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<SearchAnalytics> logger;
    private readonly string folder;
    private readonly Lock gate = new();
    private readonly List<AnalyticsDay> unwritten = [];
    private AnalyticsDay? today;
    private bool todayChanged;
    private bool loaded;
    private bool earlierStale = true;
    private Dictionary<string, long> earlierOpenSearches = new(StringComparer.Ordinal);
    private volatile PopularQueries popular = PopularQueries.None;

    public SearchAnalytics(IOptions<SearchOptions> search, IOptions<SearchAnalyticsOptions> options, TimeProvider time, ILogger<SearchAnalytics> logger)
    {
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        folder = Path.Combine(Path.GetFullPath(search.Value.IndexPath), FolderName);
    }

    public bool Enabled => options.Enabled;

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>The first day still kept.</summary>
    public DateOnly FirstKeptDay => Today.AddDays(1 - Math.Max(1, options.RetentionDays));

    /// <summary>A query as it is counted: trimmed, runs of spaces as one, lower-case; null when it has no words.</summary>
    public static string? Normalize(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
            return null;
        return string.Join(' ', query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }

    /// <summary>Counts a first-page search; <paramref name="scoped"/>: made with a scoped key.</summary>
    public void Searched(string? query, long total, bool scoped)
    {
        if (!Enabled || Normalize(query) is not { } words)
            return;
        lock (gate)
        {
            var day = CurrentDay();
            day.Searches++;
            if (total == 0)
                day.ZeroResultSearches++;
            todayChanged = true;
            if (words.Length > MaxQueryLength
                || (!day.Queries.ContainsKey(words) && day.Queries.Count >= options.MaxQueriesPerDay))
            {
                day.UntrackedSearches++;
                return;
            }
            if (!day.Queries.TryGetValue(words, out var tally))
                day.Queries[words] = tally = new QueryTally();
            tally.Searches++;
            if (total == 0)
                tally.ZeroResults++;
            else if (!scoped)
                tally.OpenSearches++;
        }
    }

    /// <summary>Counts a click on the hit at <paramref name="position"/> (1-based) of a search for <paramref name="query"/>.</summary>
    public void Clicked(string query, int position)
    {
        if (!Enabled || Normalize(query) is not { } words)
            return;
        lock (gate)
        {
            var day = CurrentDay();
            day.Clicks++;
            day.ClickPositions += position;
            if (day.Queries.TryGetValue(words, out var tally))
                tally.Clicks++;
            todayChanged = true;
        }
    }

    /// <summary>
    /// <paramref name="suggestions"/> with popular queries starting with <paramref name="typed"/> after the facet values and
    /// before the words (at most three, none repeating a word suggestion), cut to <paramref name="size"/>. A request with a
    /// scoped key gets none: the queries were searched over the whole collection.
    /// </summary>
    public IReadOnlyList<Suggestion> WithPopular(string typed, int size, bool scoped, IReadOnlyList<Suggestion> suggestions)
    {
        if (!Enabled || scoped || Normalize(typed) is not { } words)
            return suggestions;
        var queries = popular.Complete(words, 3)
            .Where(q => !suggestions.Any(s => string.Equals(s.Text, q.Text, StringComparison.OrdinalIgnoreCase))).ToList();
        if (queries.Count == 0)
            return suggestions;
        var facetValues = suggestions.TakeWhile(s => s.Kind != "term").ToList();
        return facetValues.Concat(queries).Concat(suggestions.Skip(facetValues.Count)).Take(size).ToList();
    }

    /// <summary>The counts of the days from <paramref name="from"/> to <paramref name="to"/>, with the <paramref name="size"/> top queries of each list.</summary>
    public AnalyticsReport Report(DateOnly from, DateOnly to, int size)
    {
        var days = new List<AnalyticsDay>();
        lock (gate)
        {
            CurrentDay();
            days.AddRange(unwritten.Append(today!).Where(d => d.Date >= from && d.Date <= to).Select(Copy));
        }
        for (var date = from > FirstKeptDay ? from : FirstKeptDay; date <= to && date < Today; date = date.AddDays(1))
        {
            if (!days.Any(d => d.Date == date) && ReadDay(date) is { } day)
                days.Add(day);
        }
        var byQuery = new Dictionary<string, QueryTally>(StringComparer.Ordinal);
        foreach (var (query, tally) in days.SelectMany(d => d.Queries))
        {
            if (!byQuery.TryGetValue(query, out var sum))
                byQuery[query] = sum = new QueryTally();
            sum.Searches += tally.Searches;
            sum.ZeroResults += tally.ZeroResults;
            sum.Clicks += tally.Clicks;
        }
        long searches = days.Sum(d => d.Searches), clicks = days.Sum(d => d.Clicks);
        return new AnalyticsReport(
            from, to, searches, days.Sum(d => d.ZeroResultSearches), clicks, Rate(clicks, searches),
            clicks == 0 ? null : Math.Round((double)days.Sum(d => d.ClickPositions) / clicks, 3), days.Sum(d => d.UntrackedSearches),
            Top(byQuery, t => t.Searches, size), Top(byQuery, t => t.ZeroResults, size));
    }

    /// <summary>
    /// Reads today's counts back after a restart (the first time), writes the days whose counts changed, deletes the days
    /// past the retention and renews the popular queries. Called before the server takes requests and every few seconds
    /// after (<see cref="AnalyticsFlusher"/>), so no search waits on a file. Never throws: analytics must not take searching
    /// down with them; what could not be written stays in memory and is tried again.
    /// </summary>
    public void Flush()
    {
        if (!Enabled)
            return;
        List<AnalyticsDay> changed;
        bool renewEarlier;
        lock (gate)
        {
            var current = CurrentDay();
            if (!loaded)
            {
                if (ReadDay(current.Date) is { } stored)
                    Add(current, stored);
                loaded = true;
            }
            changed = [.. unwritten];
            if (todayChanged)
                changed.Add(Copy(current));
            unwritten.Clear();
            todayChanged = false;
            renewEarlier = earlierStale;
            earlierStale = false;
        }
        try
        {
            foreach (var day in changed)
                WriteDay(day);
            DeleteExpiredDays();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Search analytics could not be written to {Folder}; they are kept in memory and tried again", folder);
            lock (gate)
            {
                unwritten.AddRange(changed.Where(d => d.Date != today!.Date));
                todayChanged |= changed.Any(d => d.Date == today!.Date);
                earlierStale |= renewEarlier;
            }
            return;
        }
        if (renewEarlier)
        {
            var earlier = EarlierOpenSearches(Today);
            lock (gate)
                earlierOpenSearches = earlier;
        }
        RenewPopular();
    }

    /// <summary>Today's counts; at midnight (UTC) a new day, the old one left for <see cref="Flush"/> to write. Under the gate.</summary>
    private AnalyticsDay CurrentDay()
    {
        var date = Today;
        if (today?.Date == date)
            return today;
        if (today is not null && todayChanged)
            unwritten.Add(today);
        todayChanged = false;
        earlierStale = true;
        today = new AnalyticsDay { Date = date };
        return today;
    }

    private void RenewPopular()
    {
        Dictionary<string, long> counts;
        lock (gate)
        {
            var current = CurrentDay();
            counts = new Dictionary<string, long>(earlierOpenSearches, StringComparer.Ordinal);
            foreach (var (query, tally) in current.Queries)
            {
                if (tally.OpenSearches > 0)
                    counts[query] = counts.GetValueOrDefault(query) + tally.OpenSearches;
            }
        }
        popular = new PopularQueries(counts, options.SuggestAfterSearches);
    }

    private Dictionary<string, long> EarlierOpenSearches(DateOnly date)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var day = FirstKeptDay; day < date; day = day.AddDays(1))
        {
            foreach (var (query, tally) in ReadDay(day)?.Queries ?? [])
            {
                if (tally.OpenSearches > 0)
                    counts[query] = counts.GetValueOrDefault(query) + tally.OpenSearches;
            }
        }
        return counts;
    }

    private string DayPath(DateOnly date) => Path.Combine(folder, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".json");

    private AnalyticsDay? ReadDay(DateOnly date)
    {
        var path = DayPath(date);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<AnalyticsDay>(File.ReadAllBytes(path), FileOptions) : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Search analytics file {File} cannot be read ({Reason}); that day counts as empty", path, e.Message);
            return null;
        }
    }

    private void WriteDay(AnalyticsDay day)
    {
        Directory.CreateDirectory(folder);
        var path = DayPath(day.Date);
        var temporary = path + ".new";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, day, FileOptions);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private void DeleteExpiredDays()
    {
        if (!Directory.Exists(folder))
            return;
        var firstKept = FirstKeptDay;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            if (DateOnly.TryParseExact(Path.GetFileNameWithoutExtension(file), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && date < firstKept)
                File.Delete(file);
        }
    }

    /// <summary>Adds the counts of <paramref name="stored"/> (read back after a restart) to <paramref name="day"/>.</summary>
    private static void Add(AnalyticsDay day, AnalyticsDay stored)
    {
        day.Searches += stored.Searches;
        day.ZeroResultSearches += stored.ZeroResultSearches;
        day.Clicks += stored.Clicks;
        day.ClickPositions += stored.ClickPositions;
        day.UntrackedSearches += stored.UntrackedSearches;
        foreach (var (query, tally) in stored.Queries)
        {
            if (!day.Queries.TryGetValue(query, out var sum))
                day.Queries[query] = sum = new QueryTally();
            sum.Searches += tally.Searches;
            sum.ZeroResults += tally.ZeroResults;
            sum.Clicks += tally.Clicks;
            sum.OpenSearches += tally.OpenSearches;
        }
    }

    private static AnalyticsDay Copy(AnalyticsDay day) => new()
    {
        Date = day.Date,
        Searches = day.Searches,
        ZeroResultSearches = day.ZeroResultSearches,
        Clicks = day.Clicks,
        ClickPositions = day.ClickPositions,
        UntrackedSearches = day.UntrackedSearches,
        Queries = day.Queries.ToDictionary(q => q.Key, q => new QueryTally
        {
            Searches = q.Value.Searches, ZeroResults = q.Value.ZeroResults, Clicks = q.Value.Clicks, OpenSearches = q.Value.OpenSearches,
        }, StringComparer.Ordinal),
    };

    private static IReadOnlyList<QueryCount> Top(Dictionary<string, QueryTally> byQuery, Func<QueryTally, long> count, int size) =>
        byQuery.Where(q => count(q.Value) > 0)
            .OrderByDescending(q => count(q.Value)).ThenBy(q => q.Key, StringComparer.Ordinal).Take(size)
            .Select(q => new QueryCount(q.Key, q.Value.Searches, q.Value.ZeroResults, q.Value.Clicks, Rate(q.Value.Clicks, q.Value.Searches))).ToList();

    private static double Rate(long clicks, long searches) => searches == 0 ? 0 : Math.Round((double)clicks / searches, 4);
}
