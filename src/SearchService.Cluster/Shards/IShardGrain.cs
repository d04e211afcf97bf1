using Orleans.Concurrency;
using SearchService.Core.Quotes;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;

namespace SearchService.Cluster.Shards;

/// <summary>
/// One copy of a shard of the cluster's index as a grain, keyed by its shard and copy (<see cref="ShardCopy"/>): the phases of
/// <see cref="IShard"/>, each within a search its first call opens (<see cref="ShardSearch"/>), which holds the shard's
/// reader so that document numbers stay valid from phase to phase, until <see cref="CloseAsync"/> or its lifetime ends.
/// </summary>
public interface IShardGrain : IGrainWithIntegerKey
{
    /// <summary>Where the copy is active, how far it has followed the article log and what it holds.</summary>
    Task<ShardStatus> StatusAsync();

    /// <summary>
    /// Whether the copy has applied <paramref name="version"/> of the article log, so that its searches see it, waiting
    /// for it up to <paramref name="wait"/> (a write answered with <c>refresh=wait_for</c>). Interleaved with the copy's
    /// other calls: searches do not queue behind the wait.
    /// </summary>
    [AlwaysInterleave]
    Task<bool> HasAppliedAsync(long version, TimeSpan wait);

    /// <summary>
    /// Rebuilds the copy from the article log into a new index beside the one searches use, and switches to it once it
    /// has caught up; searches keep answering meanwhile. False, changing nothing, when a rebuild is asked for already.
    /// </summary>
    Task<bool> RebuildAsync();

    /// <summary>
    /// Moves the copy to <paramref name="silo"/> once it is idle (Orleans' migration): it deactivates here, deleting its
    /// folder, and activates there, opening what its folder there holds (built before the move by
    /// <see cref="IShardCopyBuildGrain"/>), answering once it has caught up with the article log. False, changing nothing,
    /// when it is active on that silo already or a rebuild is asked for or under way (moving would drop the rebuild).
    /// </summary>
    Task<bool> MoveToAsync(SiloAddress silo);

    /// <summary>Ends a search, releasing its reader. One way: the gatherer does not wait for it, and no answer is sent.</summary>
    [OneWay]
    Task CloseAsync(Guid search);

    /// <summary>
    /// The first phase of every search: the copy's figures, with the version it searches at. A search opening with a
    /// <see cref="ShardSearch.MinVersion"/> the copy has not applied waits for it, or fails as an unavailable copy does.
    /// </summary>
    Task<ShardDfsAt> DfsAsync(ShardSearch search, ShardRequest request, List<string> words);

    /// <summary>The spelling neighbours of words rare over every shard (<see cref="IShard.NeighboursAsync"/>).</summary>
    Task<ShardNeighbours> NeighboursAsync(ShardSearch search, List<NeighbourLookup> words);

    Task<CorpusStatistics> TermStatisticsAsync(ShardSearch search, List<ShardTerm> terms);

    Task<ShardAnswer> QueryAsync(ShardSearch search, ShardRequest request, CorpusStatistics statistics);

    Task<Dictionary<int, float>> FeedbackScoresAsync(ShardSearch search, CorpusStatistics statistics, List<FeedbackWord> words, Dictionary<int, float> scores);

    Task<List<string>> PassagesAsync(ShardSearch search, List<int> docs);

    Task<List<SearchHit>> FetchAsync(
        ShardSearch search, ShardRequest request, CorpusStatistics statistics, List<FeedbackWord> feedback, List<ShardHit> hits, HashSet<int> rescored);

    /// <summary>An export page (<see cref="IShard.ExportAsync"/>), with the point in time it was read at.</summary>
    Task<ShardExportPage> ExportAsync(ShardSearch search, ShardRequest request, CorpusStatistics statistics, int from, int size);

    Task<Dictionary<string, int>> FacetValuesAsync(ShardSearch search, ShardRequest request, string facet);

    Task<ArticleView?> ArticleAsync(ShardSearch search, string articleId, SearchScope? scope);

    Task<List<RelatedCandidate>> RelatedAsync(ShardSearch search, RelatedShardRequest request, CorpusStatistics statistics);

    /// <summary>Completions from this shard's own vocabulary (<see cref="Suggester"/>), counted in this shard only; with a scope, those found inside it, counted inside it.</summary>
    Task<List<Suggestion>> SuggestAsync(string typed, int size, SearchScope? scope);

    // Statements (/quotes, /speakers): calls outside a search, each on the copy's statements of that moment (GrainStatementShard).

    /// <summary>The copy's figures for the terms a <c>/quotes</c> request's words score with (<see cref="IStatementShard.StatementDfsAsync"/>).</summary>
    Task<CorpusStatistics> StatementDfsAsync(QuoteRequest request);

    /// <summary>The copy's statements the request's filters let through, by month (<see cref="IStatementShard.StatementMonthsAsync"/>).</summary>
    Task<Dictionary<string, int>> StatementMonthsAsync(QuoteRequest request);

    /// <summary>The keys of the copy's best statements up to the page, scored with the whole index's figures, and its counts (<see cref="IStatementShard.StatementMatchesAsync"/>).</summary>
    Task<StatementMatches> StatementMatchesAsync(QuoteRequest request, CorpusStatistics statistics);

    /// <summary>These statements of the copy, read and highlighted (<see cref="IStatementShard.StatementHitsAsync"/>).</summary>
    Task<List<QuoteHit?>> StatementHitsAsync(QuoteRequest request, List<StatementMatch> matches);
}
