using System.Text.Json;
using SearchService.Benchmarks.Store;
using SearchService.Cluster.Storage;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using SearchService.Tests.Sharding;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// <c>/export</c> through a node process streams every match from the shards, a page at a time: as many lines as the
/// search's total, and the very matches one index of the same articles exports.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ClusterExportTests
{
    private const int ReutersArticles = 300;

    [PostgresReutersFact]
    public async Task Export_through_a_node_streams_every_match_one_index_exports()
    {
        var articles = ShardCluster.SeedAndReuters(ReutersArticles);
        using var folders = new TempDirectory();
        await using var database = await ScratchDatabase.CreateAsync(PostgresFactAttribute.ConnectionString!, "searchservice_export");
        using var node = new NodeProcess(database.ConnectionString, $"export-{Guid.NewGuid():N}", folders.Combine("shards"),
            Directory.CreateDirectory(folders.Combine("corpus")).FullName, "--Search:Cluster:Shards=4", "--Search:Cluster:Replicas=1");
        var client = await node.ClientAsync();
        await using (var log = await PostgresArticleLog.OpenAsync(new ArticleLogOptions(database.ConnectionString)))
            await log.PutManyAsync(articles);
        using var single = new ShardedIndexes(1, articles);
        var everyParagraph = single.SingleIndex.Search(searcher => searcher.IndexReader.NumDocs);
        Assert.True(everyParagraph > 2 * ShardedMatchExport.PageSize, $"{everyParagraph} paragraphs: an export of them all spans pages");
        await node.WaitForSearchAsync(client, "/search?pageSize=1", found => found.Total == everyParagraph);

        foreach (var (query, request) in new[]
        {
            ("", new SearchRequest(null)),
            ("?q=oil&collapse=article", new SearchRequest("oil", Unit: ResultUnit.Article)),
        })
        {
            var search = await ProcessCluster.SearchAsync(client, "/search" + query);
            var lines = (await client.GetStringAsync("/export" + query)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            using var points = new PointsInTime(single.SingleIndex);
            var expected = new MatchExport(new ParagraphSearcher(single.SingleIndex), points).Export(request).Select(m => m.Id).ToList();

            Assert.Equal(request.Unit == ResultUnit.Article ? search.TotalArticles : search.Total, lines.Length);
            Assert.Equal(expected.Order(StringComparer.Ordinal), lines.Select(IdOf).Order(StringComparer.Ordinal));
        }
    }

    private static string IdOf(string line)
    {
        using var match = JsonDocument.Parse(line);
        return match.RootElement.GetProperty("id").GetString()!;
    }
}
