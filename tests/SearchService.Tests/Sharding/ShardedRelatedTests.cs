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

        await RelatedDifferences.AssertSameAsync(
            RelatedDifferences.Requests(articles, indexes.SingleIndex, Asked, RelatedBy.Words, RelatedBy.Both), single, sharded, output);
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

    private static List<Article> ReadArticles()
    {
        using var file = File.OpenRead(ReutersCorpus.Path!);
        return JsonlArticleReader.Read(file, ReutersCorpus.Path!, _ => { }).Take(Articles).ToList();
    }
}
