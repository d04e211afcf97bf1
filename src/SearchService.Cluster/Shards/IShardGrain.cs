using SearchService.Core.Searching;
using SearchService.Core.Sharding;

namespace SearchService.Cluster.Shards;

/// <summary>
/// One shard of the cluster's index as a grain, keyed by its shard number (<see cref="ShardRouter"/>): the phases of
/// <see cref="IShard"/>, each within a search opened by <see cref="OpenAsync"/>, which holds the shard's reader so that
/// document numbers stay valid from phase to phase, until <see cref="CloseAsync"/> or its lifetime ends.
/// </summary>
public interface IShardGrain : IGrainWithIntegerKey
{
    /// <summary>Where the shard is active and the last version of the article log it has applied.</summary>
    Task<ShardStatus> StatusAsync();

    /// <summary>Begins a search over the shard's reader of this moment.</summary>
    Task<Guid> OpenAsync();

    Task CloseAsync(Guid search);

    Task<int> ParagraphsAsync(Guid search);

    Task<int> DocFreqAsync(Guid search, ShardTerm term);

    Task<List<TermFrequency>> NeighboursAsync(Guid search, ShardTerm term, int maxEdits);

    Task<CorpusStatistics> StatisticsAsync(Guid search, ShardRequest request);

    Task<CorpusStatistics> TermStatisticsAsync(Guid search, List<ShardTerm> terms);

    Task<HashSet<string>> QuestionTermsAsync(Guid search, ShardRequest request);

    Task<ShardAnswer> QueryAsync(Guid search, ShardRequest request, CorpusStatistics statistics);

    Task<Dictionary<int, float>> ProximityScoresAsync(Guid search, ShardRequest request, CorpusStatistics statistics, List<int> docs);

    Task<Dictionary<int, float>> FeedbackScoresAsync(Guid search, CorpusStatistics statistics, List<FeedbackWord> words, List<int> docs);

    Task<string> TextAsync(Guid search, int doc);

    Task<string> PassageAsync(Guid search, int doc);

    Task<List<SearchHit>> FetchAsync(
        Guid search, ShardRequest request, CorpusStatistics statistics, List<FeedbackWord> feedback, List<ShardHit> hits, HashSet<int> rescored);

    Task<Dictionary<string, int>> FacetValuesAsync(Guid search, ShardRequest request, string facet);

    /// <summary>Completions from this shard's own vocabulary (<see cref="Suggester"/>), counted in this shard only.</summary>
    Task<List<Suggestion>> SuggestAsync(string typed, int size);
}
