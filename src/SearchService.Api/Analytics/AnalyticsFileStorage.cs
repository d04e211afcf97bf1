using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SearchService.Core;
using SearchService.Core.Analytics;

namespace SearchService.Api.Analytics;

/// <summary>
/// A single process's search analytics: one JSON file per day in <see cref="FolderName"/> in the index folder, each
/// written whole and atomically (a temporary file moved over it). The latest day is kept in memory once read or
/// written, and the open searches of the days before it once read, so that a flush every few seconds reads no file.
/// A day file that cannot be read counts as empty, with a warning naming it.
/// </summary>
public sealed class AnalyticsFileStorage(IOptions<SearchOptions> search, ILogger<AnalyticsFileStorage> logger) : IAnalyticsStorage
{
    public const string FolderName = "analytics";

    private static readonly JsonSerializerOptions FileOptions = new(JsonSerializerDefaults.Web);

    private readonly string folder = Path.Combine(Path.GetFullPath(search.Value.IndexPath), FolderName);
    private readonly Lock gate = new();
    private AnalyticsDay? latest;
    private (DateOnly From, DateOnly To, Dictionary<string, long> Counts)? earlierOpen;

    public Task<IReadOnlyList<(DateOnly Day, string Query)>> AddAsync(
        Guid batch, IReadOnlyList<AnalyticsDay> increments, int maxQueriesPerDay, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(increments);
        var refused = new List<(DateOnly, string)>();
        lock (gate)
        {
            foreach (var increment in increments.OrderBy(d => d.Date))
            {
                var day = (Stored(increment.Date) ?? new AnalyticsDay { Date = increment.Date }).Copy();
                day.AddTotals(increment);
                var (added, tooMany) = DayQueryLimit.Split(increment.Queries, day.Queries.ContainsKey, day.Queries.Count, maxQueriesPerDay);
                foreach (var (query, tally) in added)
                {
                    if (!day.Queries.TryGetValue(query, out var sum))
                        day.Queries[query] = sum = new QueryTally();
                    sum.Add(tally);
                }
                foreach (var (query, tally) in tooMany)
                {
                    day.UntrackedSearches += tally.Searches;
                    refused.Add((day.Date, query));
                }
                Write(day);
            }
        }
        return Task.FromResult<IReadOnlyList<(DateOnly Day, string Query)>>(refused);
    }

    public Task<AnalyticsDay> SumAsync(DateOnly from, DateOnly to, CancellationToken cancellation)
    {
        var sum = new AnalyticsDay { Date = from };
        lock (gate)
        {
            for (var date = from; date <= to; date = date.AddDays(1))
            {
                if (Stored(date) is { } day)
                    sum.Add(day);
            }
        }
        return Task.FromResult(sum);
    }

    public Task<IReadOnlyDictionary<string, long>> OpenSearchesAsync(DateOnly from, DateOnly to, long atLeast, CancellationToken cancellation)
    {
        lock (gate)
        {
            // The days before the last change only with the day: one no counter adds to any more.
            if (earlierOpen is not { } earlier || earlier.From != from || earlier.To != to)
            {
                var counts = new Dictionary<string, long>(StringComparer.Ordinal);
                for (var date = from; date < to; date = date.AddDays(1))
                    AddOpenSearches(counts, Stored(date));
                earlierOpen = earlier = (from, to, counts);
            }
            var all = new Dictionary<string, long>(earlier.Counts, StringComparer.Ordinal);
            AddOpenSearches(all, Stored(to));
            return Task.FromResult<IReadOnlyDictionary<string, long>>(all.Where(q => q.Value >= atLeast).ToDictionary(StringComparer.Ordinal));
        }
    }

    public Task DeleteBeforeAsync(DateOnly firstKept, CancellationToken cancellation)
    {
        if (!Directory.Exists(folder))
            return Task.CompletedTask;
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
            {
                if (DateOnly.TryParseExact(Path.GetFileNameWithoutExtension(file), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    && date < firstKept)
                    File.Delete(file);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unavailable(e);
        }
        return Task.CompletedTask;
    }

    private static void AddOpenSearches(Dictionary<string, long> counts, AnalyticsDay? day)
    {
        foreach (var (query, tally) in day?.Queries ?? [])
        {
            if (tally.OpenSearches > 0)
                counts[query] = counts.GetValueOrDefault(query) + tally.OpenSearches;
        }
    }

    private AnalyticsDay? Stored(DateOnly date)
    {
        if (latest?.Date == date)
            return latest;
        var day = Read(date);
        if (day is not null && (latest is null || date > latest.Date))
            latest = day;
        return day;
    }

    private string DayPath(DateOnly date) => Path.Combine(folder, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".json");

    private AnalyticsDay? Read(DateOnly date)
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

    private void Write(AnalyticsDay day)
    {
        var path = DayPath(day.Date);
        try
        {
            Directory.CreateDirectory(folder);
            var temporary = path + ".new";
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, day, FileOptions);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unavailable(e);
        }
        if (latest is null || day.Date >= latest.Date)
            latest = day;
        if (earlierOpen is { } earlier && day.Date < earlier.To)
            earlierOpen = null;
    }

    private AnalyticsStorageUnavailableException Unavailable(Exception e) =>
        new($"Search analytics could not be written to {folder}: {e.Message}", e);
}
