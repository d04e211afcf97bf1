using Lucene.Net.Index;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;

namespace SearchService.Cluster.Shards;

/// <summary>
/// One search's part on a copy of a shard, for the gatherer (<see cref="ShardedSearcher"/>, which asks every shard at
/// once): each phase is a grain call, waited for no longer than the timeout, so that a copy on a dead silo fails the
/// search in that time instead of Orleans' response timeout (30 s by default), and the search is tried again on
/// another copy.
/// </summary>
/// <param name="failed">Tells the copy's source that it failed a call, and why.</param>
/// <param name="minVersion">The version the copy must have applied before the search opens (<see cref="ShardSearch.MinVersion"/>).</param>
/// <param name="answeredAt">Tells the copy's source the version the copy searched at.</param>
/// <param name="at">A cursor walk's point in time on the copy (<see cref="ShardSearch.PointInTime"/>); 0: the copy's current reader.</param>
internal sealed class GrainShard(
    IShardGrain grain, int shard, int copy, TimeSpan timeout, Action<ShardUnavailableException> failed, long minVersion, Action<long> answeredAt, long at) : IShard
{
    private readonly Guid id = Guid.NewGuid();
    private bool opened;
    private ShardPoint? point;

    public ShardPoint Point => point ?? throw new InvalidOperationException("The copy says which reader it reads in its answer to the first call (the dfs phase, or an export page).");

    public async ValueTask<ShardDfs> DfsAsync(ShardRequest request, IReadOnlyList<string> words)
    {
        var answer = await Bounded(grain.DfsAsync(Search(), request, [.. words]));
        answeredAt(answer.Version);
        point = new ShardPoint(copy, answer.PointInTime);
        return answer.Dfs;
    }

    public ValueTask<ShardNeighbours> NeighboursAsync(IReadOnlyList<NeighbourLookup> words) => Bounded(grain.NeighboursAsync(Search(), [.. words]));

    public ValueTask<CorpusStatistics> StatisticsAsync(IReadOnlyList<Term> terms) =>
        Bounded(grain.TermStatisticsAsync(Search(), terms.Select(ShardTerm.Of).ToList()));

    public ValueTask<ShardAnswer> QueryAsync(ShardRequest request, CorpusStatistics statistics) => Bounded(grain.QueryAsync(Search(), request, statistics));

    public async ValueTask<IReadOnlyDictionary<int, float>> FeedbackScoresAsync(
        CorpusStatistics statistics, IReadOnlyList<FeedbackWord> words, IReadOnlyDictionary<int, float> scores) =>
        await Bounded(grain.FeedbackScoresAsync(Search(), statistics, [.. words], scores.ToDictionary()));

    public async ValueTask<IReadOnlyList<string>> PassagesAsync(IReadOnlyList<int> docs) => await Bounded(grain.PassagesAsync(Search(), [.. docs]));

    public async ValueTask<IReadOnlyList<SearchHit>> FetchAsync(
        ShardRequest request, CorpusStatistics statistics, IReadOnlyList<FeedbackWord> feedback, IReadOnlyList<ShardHit> hits, IReadOnlySet<int> rescored) =>
        await Bounded(grain.FetchAsync(Search(), request, statistics, [.. feedback], [.. hits], [.. rescored]));

    /// <summary>An export page, the first call of its search: its answer says which reader the copy read.</summary>
    public async ValueTask<ShardExportPage> ExportAsync(ShardRequest request, CorpusStatistics statistics, int from, int size)
    {
        var page = await Bounded(grain.ExportAsync(Search(), request, statistics, from, size));
        point = new ShardPoint(copy, page.PointInTime);
        return page;
    }

    public ValueTask<Dictionary<string, int>> FacetValuesAsync(ShardRequest request, string facet) => Bounded(grain.FacetValuesAsync(Search(), request, facet));

    public ValueTask<ArticleView?> ArticleAsync(string articleId, SearchScope? scope) => Bounded(grain.ArticleAsync(Search(), articleId, scope));

    public async ValueTask<IReadOnlyList<RelatedCandidate>> RelatedAsync(RelatedShardRequest request, CorpusStatistics statistics) =>
        await Bounded(grain.RelatedAsync(Search(), request, statistics));

    // The search ends whether or not the shard hears of it: a dead silo's search ended with it, a live one's expires.
    public void Dispose()
    {
        if (opened)
            grain.CloseAsync(id).Ignore();
    }

    /// <summary>The search, opened by the first call made in it (the gatherer makes one call at a time to a shard).</summary>
    private ShardSearch Search()
    {
        var search = new ShardSearch(id, Opens: !opened, minVersion, at);
        opened = true;
        return search;
    }

    private async ValueTask<T> Bounded<T>(Task<T> call)
    {
        try
        {
            return await BoundedAsync(call, timeout, shard);
        }
        catch (ShardUnavailableException e)
        {
            // An unassigned copy has nothing to close: telling it so would be refused a silo again.
            if (ShardCopyUnassignedException.Caused(e))
                opened = false;
            failed(e);
            throw;
        }
    }

    /// <summary>
    /// The call's result, or <see cref="ShardUnavailableException"/> when it failed or took longer than
    /// <paramref name="timeout"/>. A query that does not parse, is refused for its cost or runs over its time budget is
    /// the search's failure, not the copy's: it is not turned, and reaches the API as a single node's does.
    /// </summary>
    public static async ValueTask<T> BoundedAsync<T>(Task<T> call, TimeSpan timeout, int shard)
    {
        try
        {
            return await call.WaitAsync(timeout);
        }
        catch (TimeoutException e)
        {
            throw new ShardUnavailableException(shard, $"no answer within {timeout.TotalSeconds:0.###} s", e);
        }
        catch (Exception e) when (e is not (QueryTimeoutException or QuerySyntaxException or QueryRefusedException or ShardUnavailableException))
        {
            // Not only Orleans' own failures: a copy whose call failed with an exception that cannot cross the wire
            // fails every call with a serialization error (seen at load 40-80), and a search meeting it answered 500
            // instead of asking the shard's other copy.
            throw new ShardUnavailableException(shard, e.Message, e);
        }
    }
}
