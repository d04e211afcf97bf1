using SearchService.Core.Corpus;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Semantics;
using SearchService.Core.Sharding;
using SearchService.Tests.TestSupport;
using Xunit.Abstractions;

namespace SearchService.Tests.Sharding;

/// <summary>
/// Related articles over the first Reuters articles split over shards in this process are those of one index of the
/// same articles, in the same order, by words and fused with meaning, with and without a filter; an article no shard
/// holds, or one the scope leaves out, is found by neither.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ShardedRelatedTests(SentenceEmbedder embedder, ITestOutputHelper output) : IClassFixture<SentenceEmbedder>
{
    private const int Articles = 300;
    private const int Shards = 3;
    private const int Asked = 12;

    [ReutersFact]
    public async Task Related_articles_over_shards_are_those_of_one_index_in_the_same_order()
    {
        var articles = ReadArticles();
        using var indexes = new ShardedIndexes(Shards, articles);
        var semantic = new SemanticReranker(embedder);
        var single = new RelatedArticleFinder(indexes.SingleIndex, new ArticleLookup(indexes.SingleIndex), semantic);
        var sharded = new ShardedRelatedFinder(indexes.ShardIndexes.Select(i => new IndexShardSource(i)).ToList(), IndexSchema.CreateAnalyzer(), semantic);

        var differences = new List<string>();
        var hits = 0;
        foreach (var request in Requests(articles, indexes.SingleIndex))
        {
            var expected = single.Find(request);
            hits += expected?.Hits.Count ?? 0;
            differences.AddRange(RelatedDifferences.Of($"{request.ArticleId} by {request.By} {string.Join(",", request.Filters.Region ?? [])}", expected, await sharded.FindAsync(request)));
        }

        output.WriteLine($"{hits} related articles over {Asked * 4} requests");
        Assert.True(hits > Asked * 4 * 3, $"Too few related articles to compare: {hits}");
        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n{string.Join('\n', differences.Take(20))}");
    }

    [ReutersFact]
    public async Task An_article_no_shard_holds_or_out_of_scope_is_found_by_neither()
    {
        var articles = ReadArticles();
        using var indexes = new ShardedIndexes(Shards, articles);
        var single = new RelatedArticleFinder(indexes.SingleIndex, new ArticleLookup(indexes.SingleIndex));
        var sharded = new ShardedRelatedFinder(indexes.ShardIndexes.Select(i => new IndexShardSource(i)).ToList(), IndexSchema.CreateAnalyzer());
        var outOfScope = new SearchRequest(null, Scope: new SearchScope(Source: ["No such source"]));
        var present = new RelatedRequest(articles[0].Id, new SearchRequest(null), By: RelatedBy.Words);

        Assert.NotNull(await sharded.FindAsync(present));
        Assert.Null(await sharded.FindAsync(present with { ArticleId = "no-such-article" }));
        Assert.Null(single.Find(present with { Filters = outOfScope }));
        Assert.Null(await sharded.FindAsync(present with { Filters = outOfScope }));
    }

    /// <summary>Every 25th article by words and by both, without a filter and within the region most articles have.</summary>
    private static IEnumerable<RelatedRequest> Requests(IReadOnlyList<Article> articles, SearchIndex index)
    {
        var region = new ParagraphSearcher(index).Search(new SearchRequest(null)).Facets.Region[0].Value;
        var filtered = new SearchRequest(null, Region: [region]);
        foreach (var article in articles.Where((_, i) => i % (Articles / Asked) == 0))
        {
            foreach (var by in new[] { RelatedBy.Words, RelatedBy.Both })
            {
                yield return new RelatedRequest(article.Id, new SearchRequest(null), 10, by);
                yield return new RelatedRequest(article.Id, filtered, 10, by);
            }
        }
    }

    private static List<Article> ReadArticles()
    {
        using var file = File.OpenRead(ReutersCorpus.Path!);
        return JsonlArticleReader.Read(file, ReutersCorpus.Path!, _ => { }).Take(Articles).ToList();
    }
}
