using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using SearchService.Core.Searching;
using SearchService.Core.Semantics;

namespace SearchService.Core.Sharding;

/// <summary>
/// Finds related articles over an index split into shards as <see cref="RelatedArticleFinder"/> finds them over one
/// index of the same articles (the same articles in the same order), with the same steps (<see cref="RelatedWords"/>):
/// the article is read from its shard (inside the request's scope); every shard gives its figures for the article's
/// words, which are summed, so that MoreLikeThis picks the words with the whole index's document frequencies (as the
/// dfs phase of a search); every shard searches for them scoring with the sums and gives its best articles, which are
/// merged, best first, and ordered by meaning over the best of all when asked.
/// </summary>
/// <param name="shards">The shards, in the order <see cref="ShardRouter"/> numbers them.</param>
/// <param name="analyzer">The analyzer the shards were written with (<see cref="Indexing.IndexSchema.CreateAnalyzer"/>).</param>
/// <param name="semantic">Null: the model is off and related articles are found by words.</param>
public sealed class ShardedRelatedFinder(IReadOnlyList<IShardSource> shards, Analyzer analyzer, SemanticReranker? semantic = null) : IRelatedArticleFinder
{
    private readonly ShardRouter router = new(shards.Count);

    public bool CanUseMeaning => semantic is not null;

    /// <inheritdoc/>
    /// <exception cref="ShardUnavailableException">A shard did not answer in any of <see cref="ShardedSearcher.Tries"/> tries.</exception>
    public Task<RelatedArticles?> FindAsync(RelatedRequest request)
    {
        var clock = Stopwatch.StartNew();
        return ShardedSearcher.TriedAsync(() => FindOnceAsync(request, clock));
    }

    private async Task<RelatedArticles?> FindOnceAsync(RelatedRequest request, Stopwatch clock)
    {
        var parts = await ShardedSearcher.OpenAsync(shards);
        try
        {
            if (await parts[router.ShardOf(request.ArticleId)].ArticleAsync(request.ArticleId, request.Filters.Scope) is not { } article)
                return null;
            var by = semantic is null ? RelatedBy.Words : request.By;
            var figured = RelatedWords.Figured(analyzer, article);
            var statistics = CorpusStatistics.Sum(await Scatter.AllAsync(parts.Select(p => p.StatisticsAsync(figured))));
            IReadOnlyList<Term> words;
            using (var figures = new CorpusFiguresReader(statistics))
                words = RelatedWords.Chosen(figures, analyzer, article);
            var count = RelatedWords.Candidates(request, by, semantic);
            var shardRequest = new RelatedShardRequest(article.Id, words.Select(RelatedShardWord.Of).ToList(), request.Filters, count);
            var found = await Scatter.AllAsync(parts.Select(p => p.RelatedAsync(shardRequest, statistics)));
            var candidates = found.SelectMany(f => f).Order(RelatedCandidate.BestFirst).Take(count).ToList();
            var hits = RelatedWords.Order(candidates, by, RelatedWords.LeadOf(article), semantic).Take(request.Size).ToList();
            return new RelatedArticles(article.Id, by, hits, clock.Elapsed.TotalMilliseconds);
        }
        finally
        {
            ShardedSearcher.Close(parts);
        }
    }
}
