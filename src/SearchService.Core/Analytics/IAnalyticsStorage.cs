namespace SearchService.Core.Analytics;

/// <summary>
/// Where search analytics are kept once counted: one file per day beside the index for a single process, PostgreSQL for
/// a cluster's nodes, which all add to the same counts. A counter adds what it counted since its last add; the storage
/// only ever adds, so counters never overwrite each other.
/// </summary>
public interface IAnalyticsStorage
{
    /// <summary>
    /// Adds <paramref name="increments"/> (one per day) to the counts stored, all or nothing. A query the stored day
    /// does not hold yet is added only while that day holds fewer than <paramref name="maxQueriesPerDay"/> queries; its
    /// searches are otherwise counted as untracked, and a query with clicks but no searches is not added. Answers those
    /// refused queries with their day. <paramref name="batch"/> names the increments: adding a batch already added (an add
    /// whose answer was lost) adds nothing.
    /// </summary>
    /// <exception cref="AnalyticsStorageUnavailableException">The storage cannot be written: the increments may or may not have been added.</exception>
    Task<IReadOnlyList<(DateOnly Day, string Query)>> AddAsync(
        Guid batch, IReadOnlyList<AnalyticsDay> increments, int maxQueriesPerDay, CancellationToken cancellation);

    /// <summary>The counts stored for the days from <paramref name="from"/> to <paramref name="to"/>, summed into one (dated <paramref name="from"/>).</summary>
    /// <exception cref="AnalyticsStorageUnavailableException">The storage cannot be read.</exception>
    Task<AnalyticsDay> SumAsync(DateOnly from, DateOnly to, CancellationToken cancellation);

    /// <summary>
    /// The queries searched at least <paramref name="atLeast"/> times without a scoped key, with results, over the days
    /// from <paramref name="from"/> to <paramref name="to"/>, with those searches.
    /// </summary>
    /// <exception cref="AnalyticsStorageUnavailableException">The storage cannot be read.</exception>
    Task<IReadOnlyDictionary<string, long>> OpenSearchesAsync(DateOnly from, DateOnly to, long atLeast, CancellationToken cancellation);

    /// <summary>Deletes the days before <paramref name="firstKept"/>.</summary>
    /// <exception cref="AnalyticsStorageUnavailableException">The storage cannot be written.</exception>
    Task DeleteBeforeAsync(DateOnly firstKept, CancellationToken cancellation);
}
