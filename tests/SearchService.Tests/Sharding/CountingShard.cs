using Lucene.Net.Index;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;

namespace SearchService.Tests.Sharding;

/// <summary>A search on a shard that tells its <see cref="CountingShardSource"/> of each call.</summary>
public sealed class CountingShard(IShard shard, CountingShardSource counter) : IShard
{
    public ValueTask<ShardDfs> DfsAsync(ShardRequest request, IReadOnlyList<string> words) => Counted(() => shard.DfsAsync(request, words));

    public ValueTask<ShardNeighbours> NeighboursAsync(IReadOnlyList<NeighbourLookup> words)
    {
        counter.LookedUp(words.Count);
        return Counted(() => shard.NeighboursAsync(words));
    }

    public ValueTask<ShardAnswer> QueryAsync(ShardRequest request, CorpusStatistics statistics) => Counted(() => shard.QueryAsync(request, statistics));

    public ValueTask<ShardExportPage> ExportAsync(ShardRequest request, CorpusStatistics statistics, int from, int size) =>
        Counted(() => shard.ExportAsync(request, statistics, from, size));

    public ValueTask<CorpusStatistics> StatisticsAsync(IReadOnlyList<Term> terms) => Counted(() => shard.StatisticsAsync(terms));

    public ValueTask<IReadOnlyDictionary<int, float>> FeedbackScoresAsync(
        CorpusStatistics statistics, IReadOnlyList<FeedbackWord> words, IReadOnlyDictionary<int, float> scores) =>
        Counted(() => shard.FeedbackScoresAsync(statistics, words, scores));

    public ValueTask<IReadOnlyList<string>> PassagesAsync(IReadOnlyList<int> docs) => Counted(() => shard.PassagesAsync(docs));

    public ValueTask<IReadOnlyList<SearchHit>> FetchAsync(
        ShardRequest request, CorpusStatistics statistics, IReadOnlyList<FeedbackWord> feedback, IReadOnlyList<ShardHit> hits, IReadOnlySet<int> rescored) =>
        Counted(() => shard.FetchAsync(request, statistics, feedback, hits, rescored));

    public ValueTask<Dictionary<string, int>> FacetValuesAsync(ShardRequest request, string facet) => Counted(() => shard.FacetValuesAsync(request, facet));

    public ValueTask<ArticleView?> ArticleAsync(string articleId, SearchScope? scope) => Counted(() => shard.ArticleAsync(articleId, scope));

    public ValueTask<IReadOnlyList<RelatedCandidate>> RelatedAsync(RelatedShardRequest request, CorpusStatistics statistics) =>
        Counted(() => shard.RelatedAsync(request, statistics));

    public ShardPoint Point => shard.Point;

    public void Dispose() => shard.Dispose();

    // Counted before the call is made: a call that fails is not made, and fails as a grain call does, when awaited.
    private ValueTask<T> Counted<T>(Func<ValueTask<T>> call) =>
        counter.Count() is { } failure ? ValueTask.FromException<T>(failure) : call();
}
