using SearchService.Core.Quotes;

namespace SearchService.Core.Sharding;

/// <summary>
/// One shard's statements (<see cref="StatementIndex"/>), for <see cref="ShardedQuoteSearcher"/>: a shard of this
/// process (<see cref="IndexStatementShard"/>) or one reached over the network. Every call takes and gives plain data
/// and stands alone: it holds no reader from one call to the next (it reads no document numbers of an earlier call).
/// </summary>
public interface IStatementShard
{
    /// <summary>The dfs phase: the shard's figures for the terms the request's words score with.</summary>
    ValueTask<CorpusStatistics> StatementDfsAsync(QuoteRequest request);

    /// <summary>
    /// The query phase: the keys of the shard's best statements up to the page, scored with <paramref name="statistics"/>
    /// (the whole index's), the total and every facet count (<see cref="StatementSearch.Matches"/>).
    /// </summary>
    ValueTask<StatementMatches> StatementMatchesAsync(QuoteRequest request, CorpusStatistics statistics);

    /// <summary>The fetch phase: these statements of the shard (the page's), read and highlighted (<see cref="StatementSearch.Fetch"/>).</summary>
    ValueTask<IReadOnlyList<QuoteHit?>> StatementHitsAsync(QuoteRequest request, IReadOnlyList<StatementMatch> matches);

    /// <summary>The shard's statements the request's filters let through, by month (<see cref="StatementSearch.Months"/>).</summary>
    ValueTask<Dictionary<string, int>> StatementMonthsAsync(QuoteRequest request);
}
