using System.Net;
using System.Net.Http.Json;
using SearchService.Benchmarks.Store;
using SearchService.Cluster.Shards;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using SearchService.Tests.Api;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.Sharding;
using SearchService.Tests.TestSupport;
using Xunit.Abstractions;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Related articles in cluster mode: through shard grains on three silos they are those of one index of the same
/// articles (the seed article and the first Reuters articles), in the same order, with and without a filter; through a
/// node's API, a missing article is a 404 naming <c>id</c>, and an article's related articles are one index's.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ShardRelatedClusterTests(ITestOutputHelper output)
{
    private const int ReutersArticles = 300;
    private const int Asked = 15;

    [PostgresReutersFact]
    public async Task Related_articles_through_the_grains_are_those_of_one_index_in_the_same_order()
    {
        var articles = ShardCluster.SeedAndReuters(ReutersArticles);
        await using var cluster = await ShardCluster.StartAsync(silos: 3, shards: 8);
        await cluster.WaitUntilAppliedAsync(await cluster.Log.PutManyAsync(articles));
        using var single = new ShardedIndexes(1, articles);
        var oneIndex = new RelatedArticleFinder(single.SingleIndex, new ArticleLookup(single.SingleIndex));
        var grains = new ShardedRelatedFinder(GrainShardSource.All(cluster.Cluster.Client, cluster.Shards, replicas: cluster.Replicas), IndexSchema.CreateAnalyzer());

        await RelatedDifferences.AssertSameAsync(RelatedDifferences.Requests(articles, single.SingleIndex, Asked, RelatedBy.Words), oneIndex, grains, output);
        Assert.Null(await grains.FindAsync(new RelatedRequest("no-such-article", new SearchRequest(null))));
    }

    [PostgresFact]
    public async Task Through_a_nodes_api_a_missing_article_is_a_404_naming_id_and_a_present_one_has_one_indexs_related_articles()
    {
        var articles = RelatedNews.Articles.Select(a => a.Article).ToList();
        using var folders = new TempDirectory();
        await using var database = await ScratchDatabase.CreateAsync(PostgresFactAttribute.ConnectionString!, "searchservice_related");
        using var node = new NodeProcess(database.ConnectionString, $"related-{Guid.NewGuid():N}", folders.Combine("shards"),
            Directory.CreateDirectory(folders.Combine("corpus")).FullName, "--Search:Cluster:Shards=3", "--Search:Cluster:Replicas=1");
        var client = await node.ClientAsync();
        foreach (var article in articles)
            (await client.PutAsync($"/articles/{article.Id}", JsonContent.Create(new { article.Title, article.Date, article.Paragraphs }))).EnsureSuccessStatusCode();
        await node.WaitForSearchAsync(client, "/search?collapse=article", found => found.TotalArticles == articles.Count);
        using var single = new ShardedIndexes(1, articles);
        var expected = new RelatedArticleFinder(single.SingleIndex, new ArticleLookup(single.SingleIndex))
            .Find(new RelatedRequest(RelatedNews.OpecSource, new SearchRequest(null), 10, RelatedBy.Words))!;

        var problem = await client.GetProblem("/articles/no-such-article/related", HttpStatusCode.NotFound);
        var related = await (await client.GetAsync($"/articles/{RelatedNews.OpecSource}/related?by=words")).ReadOk<RelatedAnswer>();
        var page = await client.GetStringAsync($"/view/{RelatedNews.OpecSource}");

        Assert.Equal("id", problem.Parameter);
        Assert.NotEmpty(expected.Hits);
        Assert.Equal(expected.Hits.Select(h => h.ArticleId), related.Hits.Select(h => h.ArticleId));
        // The article's page lists the first of them, as one process's does.
        Assert.Equal(expected.Hits.Take(5).Select(h => $"/view/{h.ArticleId}"), LinksUnderRelated(page));
    }

    private static IEnumerable<string> LinksUnderRelated(string page)
    {
        var start = page.IndexOf("<nav aria-labelledby=\"related\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "The page lists no related articles");
        var list = page[start..page.IndexOf("</nav>", start, StringComparison.Ordinal)];
        return System.Text.RegularExpressions.Regex.Matches(list, "href=\"([^\"]+)\"").Select(link => link.Groups[1].Value);
    }
}
