using SearchService.Core.Quotes;
using SearchService.Core.Sharding;

namespace SearchService.Tests.Sharding;

/// <summary>A shard's statements that count what each phase hands over: the keys the query phase gives and the statements the fetch phase reads and highlights.</summary>
public sealed class CountingStatementShard(IStatementShard shard) : IStatementShard
{
    private int keysGiven;
    private int read;

    /// <summary>Statement keys the query phase gave so far.</summary>
    public int KeysGiven => keysGiven;

    /// <summary>Statements the fetch phase read and highlighted so far.</summary>
    public int Read => read;

    public ValueTask<CorpusStatistics> StatementDfsAsync(QuoteRequest request) => shard.StatementDfsAsync(request);

    public async ValueTask<StatementMatches> StatementMatchesAsync(QuoteRequest request, CorpusStatistics statistics)
    {
        var matches = await shard.StatementMatchesAsync(request, statistics);
        Interlocked.Add(ref keysGiven, matches.Best.Count);
        return matches;
    }

    public async ValueTask<IReadOnlyList<QuoteHit?>> StatementHitsAsync(QuoteRequest request, IReadOnlyList<StatementMatch> matches)
    {
        var hits = await shard.StatementHitsAsync(request, matches);
        Interlocked.Add(ref read, hits.Count(h => h is not null));
        return hits;
    }

    public ValueTask<Dictionary<string, int>> StatementMonthsAsync(QuoteRequest request) => shard.StatementMonthsAsync(request);
}
