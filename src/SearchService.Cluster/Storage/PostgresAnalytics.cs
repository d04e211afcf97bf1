using Npgsql;
using NpgsqlTypes;
using SearchService.Core.Analytics;

namespace SearchService.Cluster.Storage;

/// <summary>
/// A cluster's search analytics in PostgreSQL (<c>Sql/analytics.sql</c>), on the article log's connections: every node
/// adds what it counted since its last flush in one transaction of additive upserts, so the counts are the cluster's
/// whichever node answered the searches. A day's row is locked first, days in order, so that nodes adding at once take
/// turns per day and its query limit holds across them. PostgreSQL out of reach is an
/// <see cref="AnalyticsStorageUnavailableException"/> naming the server and the cause.
/// </summary>
public sealed class PostgresAnalytics(Func<Task<PostgresArticleLog>> log) : IAnalyticsStorage
{
    private const string AddBatchSql = "INSERT INTO analytics_batches (id, day) VALUES (@id, @day) ON CONFLICT (id) DO NOTHING";

    private const string AddTotalsSql = """
        INSERT INTO analytics_days AS t (day, searches, zero_result_searches, clicks, click_positions, untracked_searches, queries)
        VALUES (@day, @searches, @zero, @clicks, @positions, @untracked, 0)
        ON CONFLICT (day) DO UPDATE SET
            searches = t.searches + excluded.searches,
            zero_result_searches = t.zero_result_searches + excluded.zero_result_searches,
            clicks = t.clicks + excluded.clicks,
            click_positions = t.click_positions + excluded.click_positions,
            untracked_searches = t.untracked_searches + excluded.untracked_searches
        RETURNING queries
        """;

    private const string StoredQueriesSql = "SELECT query FROM analytics_queries WHERE day = @day AND query = ANY(@queries)";

    private const string AddQueriesSql = """
        INSERT INTO analytics_queries AS t (day, query, searches, zero_results, clicks, open_searches)
        SELECT @day, * FROM unnest(@queries, @searches, @zero, @clicks, @open)
        ON CONFLICT (day, query) DO UPDATE SET
            searches = t.searches + excluded.searches,
            zero_results = t.zero_results + excluded.zero_results,
            clicks = t.clicks + excluded.clicks,
            open_searches = t.open_searches + excluded.open_searches
        """;

    private const string CountQueriesSql = "UPDATE analytics_days SET queries = queries + @added, untracked_searches = untracked_searches + @refused WHERE day = @day";

    private const string SumTotalsSql = """
        SELECT coalesce(sum(searches), 0)::bigint, coalesce(sum(zero_result_searches), 0)::bigint, coalesce(sum(clicks), 0)::bigint,
            coalesce(sum(click_positions), 0)::bigint, coalesce(sum(untracked_searches), 0)::bigint
        FROM analytics_days WHERE day BETWEEN @from AND @to
        """;

    private const string SumQueriesSql = """
        SELECT query, sum(searches)::bigint, sum(zero_results)::bigint, sum(clicks)::bigint
        FROM analytics_queries WHERE day BETWEEN @from AND @to GROUP BY query
        """;

    private const string OpenSearchesSql = """
        SELECT query, sum(open_searches)::bigint FROM analytics_queries WHERE day BETWEEN @from AND @to AND open_searches > 0
        GROUP BY query HAVING sum(open_searches) >= @least
        """;

    private const string DeleteSql = "DELETE FROM analytics_days WHERE day < @first; DELETE FROM analytics_batches WHERE day < @first";

    public Task<IReadOnlyList<(DateOnly Day, string Query)>> AddAsync(
        Guid batch, IReadOnlyList<AnalyticsDay> increments, int maxQueriesPerDay, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(increments);
        return RunAsync<IReadOnlyList<(DateOnly, string)>>(async db =>
        {
            var refused = new List<(DateOnly, string)>();
            if (increments.Count == 0)
                return refused;
            await using var transaction = await db.BeginTransactionAsync(cancellation);
            await using (var add = new NpgsqlCommand(AddBatchSql, db))
            {
                add.Parameters.Add(new NpgsqlParameter<Guid>("id", batch));
                add.Parameters.Add(new NpgsqlParameter<DateOnly>("day", increments.Max(d => d.Date)));
                if (await add.ExecuteNonQueryAsync(cancellation) == 0)
                    return refused; // added already: its answer was lost
            }
            foreach (var day in increments.OrderBy(d => d.Date))
                refused.AddRange((await AddDayAsync(db, day, maxQueriesPerDay, cancellation)).Select(query => (day.Date, query)));
            await transaction.CommitAsync(cancellation);
            return refused;
        }, cancellation);
    }

    public Task<AnalyticsDay> SumAsync(DateOnly from, DateOnly to, CancellationToken cancellation) =>
        RunAsync(async db =>
        {
            var sum = new AnalyticsDay { Date = from };
            await using (var totals = Command(db, SumTotalsSql, from, to))
            await using (var row = await totals.ExecuteReaderAsync(cancellation))
            {
                await row.ReadAsync(cancellation);
                (sum.Searches, sum.ZeroResultSearches, sum.Clicks, sum.ClickPositions, sum.UntrackedSearches) =
                    (row.GetInt64(0), row.GetInt64(1), row.GetInt64(2), row.GetInt64(3), row.GetInt64(4));
            }
            await using var queries = Command(db, SumQueriesSql, from, to);
            await using var rows = await queries.ExecuteReaderAsync(cancellation);
            while (await rows.ReadAsync(cancellation))
                sum.Queries[rows.GetString(0)] = new QueryTally { Searches = rows.GetInt64(1), ZeroResults = rows.GetInt64(2), Clicks = rows.GetInt64(3) };
            return sum;
        }, cancellation);

    public Task<IReadOnlyDictionary<string, long>> OpenSearchesAsync(DateOnly from, DateOnly to, long atLeast, CancellationToken cancellation) =>
        RunAsync<IReadOnlyDictionary<string, long>>(async db =>
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            await using var read = Command(db, OpenSearchesSql, from, to);
            read.Parameters.Add(new NpgsqlParameter<long>("least", atLeast));
            await using var rows = await read.ExecuteReaderAsync(cancellation);
            while (await rows.ReadAsync(cancellation))
                counts[rows.GetString(0)] = rows.GetInt64(1);
            return counts;
        }, cancellation);

    public Task DeleteBeforeAsync(DateOnly firstKept, CancellationToken cancellation) =>
        RunAsync(async db =>
        {
            await using var delete = new NpgsqlCommand(DeleteSql, db);
            delete.Parameters.Add(new NpgsqlParameter<DateOnly>("first", firstKept));
            return await delete.ExecuteNonQueryAsync(cancellation);
        }, cancellation);

    /// <summary>Adds one day's increments under its row's lock; answers the new queries refused by the day's limit.</summary>
    private static async Task<IEnumerable<string>> AddDayAsync(NpgsqlConnection db, AnalyticsDay day, int maxQueriesPerDay, CancellationToken cancellation)
    {
        long storedCount;
        await using (var totals = new NpgsqlCommand(AddTotalsSql, db))
        {
            totals.Parameters.Add(new NpgsqlParameter<DateOnly>("day", day.Date));
            totals.Parameters.Add(new NpgsqlParameter<long>("searches", day.Searches));
            totals.Parameters.Add(new NpgsqlParameter<long>("zero", day.ZeroResultSearches));
            totals.Parameters.Add(new NpgsqlParameter<long>("clicks", day.Clicks));
            totals.Parameters.Add(new NpgsqlParameter<long>("positions", day.ClickPositions));
            totals.Parameters.Add(new NpgsqlParameter<long>("untracked", day.UntrackedSearches));
            storedCount = (int)(await totals.ExecuteScalarAsync(cancellation))!;
        }
        if (day.Queries.Count == 0)
            return [];
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using (var read = new NpgsqlCommand(StoredQueriesSql, db))
        {
            read.Parameters.Add(new NpgsqlParameter<DateOnly>("day", day.Date));
            read.Parameters.Add(new NpgsqlParameter<string[]>("queries", [.. day.Queries.Keys]));
            await using var rows = await read.ExecuteReaderAsync(cancellation);
            while (await rows.ReadAsync(cancellation))
                stored.Add(rows.GetString(0));
        }
        var (added, refused) = DayQueryLimit.Split(day.Queries, stored.Contains, storedCount, maxQueriesPerDay);
        if (added.Count > 0)
        {
            await using var upsert = new NpgsqlCommand(AddQueriesSql, db);
            upsert.Parameters.Add(new NpgsqlParameter<DateOnly>("day", day.Date));
            upsert.Parameters.Add(new NpgsqlParameter<string[]>("queries", [.. added.Select(q => q.Key)]));
            upsert.Parameters.Add(new NpgsqlParameter<long[]>("searches", [.. added.Select(q => q.Value.Searches)]));
            upsert.Parameters.Add(new NpgsqlParameter<long[]>("zero", [.. added.Select(q => q.Value.ZeroResults)]));
            upsert.Parameters.Add(new NpgsqlParameter<long[]>("clicks", [.. added.Select(q => q.Value.Clicks)]));
            upsert.Parameters.Add(new NpgsqlParameter<long[]>("open", [.. added.Select(q => q.Value.OpenSearches)]));
            await upsert.ExecuteNonQueryAsync(cancellation);
        }
        await using (var count = new NpgsqlCommand(CountQueriesSql, db))
        {
            count.Parameters.Add(new NpgsqlParameter<DateOnly>("day", day.Date));
            count.Parameters.Add(new NpgsqlParameter<int>("added", added.Count(q => !stored.Contains(q.Key))));
            count.Parameters.Add(new NpgsqlParameter<long>("refused", refused.Sum(q => q.Value.Searches)));
            await count.ExecuteNonQueryAsync(cancellation);
        }
        return refused.Select(q => q.Key);
    }

    private static NpgsqlCommand Command(NpgsqlConnection db, string sql, DateOnly from, DateOnly to)
    {
        var command = new NpgsqlCommand(sql, db);
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("from", from));
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("to", to));
        return command;
    }

    private async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellation)
    {
        try
        {
            return await (await log()).RunAsync(work, cancellation);
        }
        catch (ArticleLogUnavailableException e)
        {
            throw new AnalyticsStorageUnavailableException(e.Message, e);
        }
    }
}
