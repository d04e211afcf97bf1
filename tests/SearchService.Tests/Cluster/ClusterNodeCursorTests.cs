using System.Text.Json;
using SearchService.Benchmarks.Store;
using SearchService.Cluster.Storage;
using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using SearchService.Tests.Sharding;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Cursors and <c>/export</c> over HTTP through a node process: <c>/search?after=</c> walks as one index walks, and
/// <c>/export</c> streams every match from the shards, a page at a time, shard after shard, as many lines as the
/// search's total, the very matches one index of the same articles exports.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ClusterNodeCursorTests
{
    private const int ReutersArticles = 300;

    [PostgresReutersFact]
    public async Task A_cursor_walk_through_a_node_gives_one_indexs_walk()
    {
        var articles = ShardCluster.SeedAndReuters(ReutersArticles);
        await using var node = await Node.HoldingAsync(articles);
        using var single = new ShardedIndexes(1, articles);
        var expected = await CursorPages.OneIndexWalkAsync(single.SingleIndex, new SearchRequest("oil prices", PageSize: 7));

        var (hits, pages) = await CursorPages.WalkAsync(
            request => ProcessCluster.SearchAsync(node.Client, "/search?q=oil+prices&pageSize=7" + (request.After is { } after ? "&after=" + Uri.EscapeDataString(after) : "")),
            new SearchRequest("oil prices", PageSize: 7));

        Assert.True(pages > 3, $"{pages} pages");
        Assert.Equal(expected.Hits.Select(h => h.Id), hits.Select(h => h.Id));
    }

    [PostgresReutersFact]
    public async Task Export_through_a_node_streams_every_match_one_index_exports()
    {
        var articles = ShardCluster.SeedAndReuters(ReutersArticles);
        await using var node = await Node.HoldingAsync(articles);
        using var single = new ShardedIndexes(1, articles);
        var everyParagraph = single.SingleIndex.Search(searcher => searcher.IndexReader.NumDocs);
        Assert.True(everyParagraph > 2 * ShardedMatchExport.PageSize, $"{everyParagraph} paragraphs: an export of them all spans pages");
        var router = new ShardRouter(Node.Shards);

        foreach (var (query, request) in new[]
        {
            ("", new SearchRequest(null)),
            ("?q=oil&collapse=article", new SearchRequest("oil", Unit: ResultUnit.Article)),
        })
        {
            var search = await ProcessCluster.SearchAsync(node.Client, "/search" + query);
            var lines = (await node.Client.GetStringAsync("/export" + query)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            using var points = new PointsInTime(single.SingleIndex);
            var expected = new MatchExport(new ParagraphSearcher(single.SingleIndex), points).Export(request).Select(m => m.Id).ToList();

            Assert.Equal(request.Unit == ResultUnit.Article ? search.TotalArticles : search.Total, lines.Length);
            Assert.Equal(expected.Order(StringComparer.Ordinal), lines.Select(IdOf).Order(StringComparer.Ordinal));
            // Shard after shard: each shard's lines together, in the shards' order.
            var shards = lines.Select(line => router.ShardOf(FieldOf(line, "articleId"))).ToList();
            Assert.Equal(shards.Order(), shards);
        }
    }

    private static string IdOf(string line) => FieldOf(line, "id");

    private static string FieldOf(string line, string name)
    {
        using var match = JsonDocument.Parse(line);
        return match.RootElement.GetProperty(name).GetString()!;
    }

    /// <summary>A node process of 4 shards, one copy each, on a scratch database, holding some articles searchably.</summary>
    private sealed class Node : IAsyncDisposable
    {
        public const int Shards = 4;

        private readonly TempDirectory folders = new();
        private ScratchDatabase? database;
        private NodeProcess? process;

        public HttpClient Client { get; private set; } = null!;

        public static async Task<Node> HoldingAsync(IReadOnlyList<Article> articles)
        {
            var node = new Node();
            try
            {
                node.database = await ScratchDatabase.CreateAsync(PostgresFactAttribute.ConnectionString!, "searchservice_cursors");
                node.process = new NodeProcess(node.database.ConnectionString, $"cursors-{Guid.NewGuid():N}", node.folders.Combine("shards"),
                    Directory.CreateDirectory(node.folders.Combine("corpus")).FullName, $"--Search:Cluster:Shards={Shards}", "--Search:Cluster:Replicas=1");
                node.Client = await node.process.ClientAsync();
                await using (var log = await PostgresArticleLog.OpenAsync(new ArticleLogOptions(node.database.ConnectionString)))
                    await log.PutManyAsync(articles);
                await node.process.WaitForSearchAsync(node.Client, "/search?collapse=article&pageSize=1", found => found.TotalArticles == articles.Count);
                return node;
            }
            catch
            {
                await node.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            process?.Dispose();
            if (database is not null)
                await database.DisposeAsync();
            folders.Dispose();
        }
    }
}
