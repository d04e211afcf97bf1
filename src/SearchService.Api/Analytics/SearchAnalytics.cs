using Microsoft.Extensions.Options;
using SearchService.Core.Analytics;
using SearchService.Core.Searching;

namespace SearchService.Api.Analytics;

/// <summary>
/// Counts searches, zero-result searches and clicks per query and day (UTC), with no personal data: no address, key or
/// user is kept, only the query's words. What is counted stays in memory until <see cref="FlushAsync"/> (every few
/// seconds, <see cref="AnalyticsFlusher"/>, and at shutdown) adds it to the <see cref="IAnalyticsStorage"/>: files
/// beside the index for a single process, PostgreSQL shared by a cluster's nodes. Days older than the retention are
/// deleted there. Memory and storage stay bounded whatever clients send: a day counts at most
/// <see cref="SearchAnalyticsOptions.MaxQueriesPerDay"/> queries of at most <see cref="MaxQueryLength"/> characters one
/// by one (here and in the storage, which a cluster's nodes share), the rest only in its totals, and clicks never add a query.
/// </summary>
public sealed class SearchAnalytics
{
    public const int MaxQueryLength = 200;

    private readonly IAnalyticsStorage storage;
    private readonly SearchAnalyticsOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<SearchAnalytics> logger;
    private readonly Lock gate = new();
    // One flush at a time, and no report while one moves counts from memory to the storage (they would show twice or not at all).
    private readonly SemaphoreSlim flushing = new(1, 1);
    // What was counted since the last flush, by day.
    private readonly Dictionary<DateOnly, AnalyticsDay> pending = [];
    // Today's queries counted one by one here (kept across flushes): the day's limit, as far as this process knows.
    private readonly HashSet<string> tracked = new(StringComparer.Ordinal);
    private DateOnly trackedDay;
    // Counts whose add failed: sent again under their id until added, since a lost answer may hide that they were.
    private (Guid Id, List<AnalyticsDay> Days)? unsent;
    private volatile PopularQueries popular = PopularQueries.None;

    public SearchAnalytics(IAnalyticsStorage storage, IOptions<SearchAnalyticsOptions> options, TimeProvider time, ILogger<SearchAnalytics> logger)
    {
        this.storage = storage;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
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
            var day = PendingToday();
            day.Searches++;
            if (total == 0)
                day.ZeroResultSearches++;
            if (words.Length > MaxQueryLength || (!tracked.Contains(words) && tracked.Count >= options.MaxQueriesPerDay))
            {
                day.UntrackedSearches++;
                return;
            }
            tracked.Add(words);
            var tally = Tally(day, words);
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
            var day = PendingToday();
            day.Clicks++;
            day.ClickPositions += position;
            // A query not searched here may have been through another node of a cluster: the storage adds its clicks
            // only if it holds the query. Those clicks are kept while the day's counts hold fewer queries than its limit.
            if (tracked.Contains(words) || day.Queries.ContainsKey(words) || day.Queries.Count < options.MaxQueriesPerDay)
                Tally(day, words).Clicks++;
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

    /// <summary>
    /// The counts of the days from <paramref name="from"/> to <paramref name="to"/>, with the <paramref name="size"/> top
    /// queries of each list: those of the storage and those of this process not yet flushed.
    /// </summary>
    /// <exception cref="AnalyticsStorageUnavailableException">The storage cannot be read.</exception>
    public async Task<AnalyticsReport> ReportAsync(DateOnly from, DateOnly to, int size, CancellationToken cancellation)
    {
        var first = from > FirstKeptDay ? from : FirstKeptDay;
        AnalyticsDay sum;
        await flushing.WaitAsync(cancellation);
        try
        {
            sum = first <= to ? await storage.SumAsync(first, to, cancellation) : new AnalyticsDay { Date = from };
            lock (gate)
            {
                foreach (var day in (unsent?.Days ?? []).Concat(pending.Values).Where(d => d.Date >= from && d.Date <= to))
                    sum.Add(day);
            }
        }
        finally
        {
            flushing.Release();
        }
        return new AnalyticsReport(
            from, to, sum.Searches, sum.ZeroResultSearches, sum.Clicks, Rate(sum.Clicks, sum.Searches),
            sum.Clicks == 0 ? null : Math.Round((double)sum.ClickPositions / sum.Clicks, 3), sum.UntrackedSearches,
            Top(sum.Queries, t => t.Searches, size), Top(sum.Queries, t => t.ZeroResults, size));
    }

    /// <summary>
    /// Adds what was counted since the last flush to the storage, deletes the days past the retention there and renews
    /// the popular queries from it. Called before the server takes requests and every few seconds after
    /// (<see cref="AnalyticsFlusher"/>), so no search waits on the storage. Never throws: analytics must not take
    /// searching down with them; what could not be added stays in memory (at most the days kept) and is tried again.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellation = default)
    {
        if (!Enabled)
            return;
        await flushing.WaitAsync(cancellation);
        try
        {
            // The counts that failed before first, then what was counted since.
            if (unsent is { } failed)
                await AddAsync(failed, cancellation);
            if (TakePending() is { } counted)
                await AddAsync(counted, cancellation);
            await storage.DeleteBeforeAsync(FirstKeptDay, cancellation);
            popular = new PopularQueries(await storage.OpenSearchesAsync(FirstKeptDay, Today, options.SuggestAfterSearches, cancellation),
                options.SuggestAfterSearches);
        }
        catch (AnalyticsStorageUnavailableException e)
        {
            logger.LogWarning("{Problem}; the search counts are kept in memory and added when it can be written", e.Message);
            // A long outage keeps at most the days still kept.
            var firstKept = FirstKeptDay;
            lock (gate)
            {
                unsent?.Days.RemoveAll(d => d.Date < firstKept);
                foreach (var date in pending.Keys.Where(d => d < firstKept).ToList())
                    pending.Remove(date);
            }
        }
        finally
        {
            flushing.Release();
        }
    }

    /// <summary>Today's pending counts; at midnight (UTC) a new day, the day before left pending for the next flush. Under the gate.</summary>
    private AnalyticsDay PendingToday()
    {
        var date = Today;
        if (trackedDay != date)
        {
            tracked.Clear();
            trackedDay = date;
        }
        if (!pending.TryGetValue(date, out var day))
            pending[date] = day = new AnalyticsDay { Date = date };
        return day;
    }

    private (Guid Id, List<AnalyticsDay> Days)? TakePending()
    {
        var firstKept = FirstKeptDay;
        lock (gate)
        {
            var days = pending.Values.Where(d => d.Date >= firstKept).OrderBy(d => d.Date).ToList();
            pending.Clear();
            return days.Count == 0 ? null : (Guid.NewGuid(), days);
        }
    }

    private async Task AddAsync((Guid Id, List<AnalyticsDay> Days) batch, CancellationToken cancellation)
    {
        unsent = batch;
        var refused = await storage.AddAsync(batch.Id, batch.Days, options.MaxQueriesPerDay, cancellation);
        unsent = null;
        Forget(refused);
    }

    // Queries the storage refused today count as untracked there: searches for queries it holds may be tracked instead.
    private void Forget(IReadOnlyList<(DateOnly Day, string Query)> refused)
    {
        lock (gate)
        {
            foreach (var (day, query) in refused)
            {
                if (day == trackedDay)
                    tracked.Remove(query);
            }
        }
    }

    private static QueryTally Tally(AnalyticsDay day, string words)
    {
        if (!day.Queries.TryGetValue(words, out var tally))
            day.Queries[words] = tally = new QueryTally();
        return tally;
    }

    private static IReadOnlyList<QueryCount> Top(Dictionary<string, QueryTally> byQuery, Func<QueryTally, long> count, int size) =>
        byQuery.Where(q => count(q.Value) > 0)
            .OrderByDescending(q => count(q.Value)).ThenBy(q => q.Key, StringComparer.Ordinal).Take(size)
            .Select(q => new QueryCount(q.Key, q.Value.Searches, q.Value.ZeroResults, q.Value.Clicks, Rate(q.Value.Clicks, q.Value.Searches))).ToList();

    private static double Rate(long clicks, long searches) => searches == 0 ? 0 : Math.Round((double)clicks / searches, 4);
}
