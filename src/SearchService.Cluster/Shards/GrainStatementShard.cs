using SearchService.Core.Quotes;
using SearchService.Core.Sharding;

namespace SearchService.Cluster.Shards;

/// <summary>
/// A shard's statements for <see cref="ShardedQuoteSearcher"/>, through its copies' grains: one copy a search, chosen
/// as a paragraph search chooses (<see cref="GrainShardSource"/>: in turn, passing over a copy that failed lately or is
/// unassigned); a call the copy does not answer within the timeout (or fails) is asked of the next copy, and the search
/// fails naming the shard (<see cref="ShardUnavailableException"/>) only when no copy answered. Unlike a paragraph
/// search (<see cref="ShardSearch.MinVersion"/>), a statement search does not wait for the copy to have applied what
/// another copy answered at: copies lag by no more than their catch-up.
/// </summary>
public sealed class GrainStatementShard : IStatementShard
{
    private readonly IGrainFactory grains;
    private readonly GrainShardSource source;
    private readonly int shard;
    private readonly int replicas;
    private readonly TimeSpan timeout;
    private int copy;

    private GrainStatementShard(IGrainFactory grains, GrainShardSource source, int shard, int replicas, TimeSpan timeout)
    {
        this.grains = grains;
        this.source = source;
        this.shard = shard;
        this.replicas = replicas;
        this.timeout = timeout;
        copy = source.NextCopy();
    }

    /// <summary>Opens the shards of each search, each on the next copy its source chooses.</summary>
    /// <param name="replicas">The copies of each shard the silos keep (<see cref="ShardGrainOptions.Replicas"/>).</param>
    /// <param name="timeout">How long a copy may take to answer one call.</param>
    public static Func<IReadOnlyList<IStatementShard>> All(IGrainFactory grains, int shards, int replicas, TimeSpan timeout)
    {
        var sources = Enumerable.Range(0, shards).Select(shard => new GrainShardSource(grains, shard, replicas, timeout)).ToList();
        return () => sources.Select((source, shard) => (IStatementShard)new GrainStatementShard(grains, source, shard, replicas, timeout)).ToList();
    }

    public ValueTask<CorpusStatistics> StatementDfsAsync(QuoteRequest request) => AskAsync(grain => grain.StatementDfsAsync(request));

    public ValueTask<StatementMatches> StatementMatchesAsync(QuoteRequest request, CorpusStatistics statistics) =>
        AskAsync(grain => grain.StatementMatchesAsync(request, statistics));

    public async ValueTask<IReadOnlyList<QuoteHit?>> StatementHitsAsync(QuoteRequest request, IReadOnlyList<StatementMatch> matches) =>
        await AskAsync(grain => grain.StatementHitsAsync(request, [.. matches]));

    public ValueTask<Dictionary<string, int>> StatementMonthsAsync(QuoteRequest request) => AskAsync(grain => grain.StatementMonthsAsync(request));

    private async ValueTask<T> AskAsync<T>(Func<IShardGrain, Task<T>> call)
    {
        for (var tried = 1; ; tried++)
        {
            try
            {
                return await GrainShardSource.AskAsync(grains, new ShardCopy(shard, copy), call, timeout);
            }
            catch (ShardUnavailableException e) when (tried < replicas)
            {
                source.Failed(copy, e);
                copy = source.NextCopy();
            }
        }
    }
}
