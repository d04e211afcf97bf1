using System.Diagnostics;
using System.Net.Http.Json;
using SearchService.Api.Cluster;
using SearchService.Benchmarks.Store;
using SearchService.Cluster.Storage;
using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.Sharding;
using SearchService.Tests.TestSupport;
using Xunit.Abstractions;

namespace SearchService.Tests.Cluster;

/// <summary>
/// A third node process started beside two answering searches over HTTP: copies spread onto it (each built there before
/// it switches), and every answer meanwhile and after is complete and the same as before it joined.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class NodeAddedProcessTests(ITestOutputHelper output)
{
    private const int Articles = 500;
    private const int Copies = 16; // the nodes' default: 8 shards, 2 copies
    private static readonly TimeSpan LoopBeforeJoin = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan HealthEvery = TimeSpan.FromSeconds(1);

    [PostgresReutersFact]
    public async Task A_node_started_beside_two_under_a_search_loop_takes_copies_and_every_answer_stays_as_before()
    {
        await using var database = await ScratchDatabase.CreateAsync(PostgresFactAttribute.ConnectionString!, "searchservice_node_added");
        using var folders = new TempDirectory();
        var staged = folders.Combine("reuters.jsonl");
        ReutersCorpus.CopyStart(staged, Articles);
        var articles = JsonlArticleReader.Read(File.OpenRead(staged), staged, _ => { }).ToList();
        await using (var log = await PostgresArticleLog.OpenAsync(new ArticleLogOptions(database.ConnectionString)))
            await log.PutManyAsync(articles);
        var clusterId = $"test-{Guid.NewGuid():N}";
        var nodes = new List<NodeProcess>();
        try
        {
            NodeProcess Start(int n) =>
                new(database.ConnectionString, clusterId, folders.Combine($"node-{n}", "shards"), Directory.CreateDirectory(folders.Combine($"node-{n}", "corpus")).FullName);
            // One at a time, as ProcessCluster starts them.
            for (var n = 0; n < 2; n++)
            {
                nodes.Add(Start(n));
                await ProcessCluster.WaitUntilReadyAsync(await nodes[n].ClientAsync());
            }
            var clients = await Task.WhenAll(nodes.Select(n => n.ClientAsync()));
            await ProcessCluster.WaitUntilEveryCopyAtTheLastVersionAsync(clients[0], activeNodes: 2);
            var urls = SeededQueries.Draw(articles, request =>
                    ProcessCluster.SearchAsync(clients[0], SearchQueryString.Of(request)).GetAwaiter().GetResult().Facets, perKind: 1, seed: 18)
                .Select(r => SearchQueryString.Of(r.Request)).ToList();
            var before = new List<SearchResult>();
            foreach (var url in urls)
                before.Add(await ProcessCluster.SearchAsync(clients[0], url));

            var (failed, differences) = (new List<string>(), new List<string>());
            var clock = Stopwatch.StartNew();
            var (joinedAt, lastHealth) = (TimeSpan.Zero, TimeSpan.Zero);
            ClusterHealthReport? spread = null;
            var searches = 0;
            for (; spread is null; searches++)
            {
                if (nodes.Count == 2 && clock.Elapsed >= LoopBeforeJoin)
                {
                    nodes.Add(Start(2));
                    joinedAt = clock.Elapsed;
                }
                var url = urls[searches % urls.Count];
                try
                {
                    differences.AddRange(AnswerDifferences.Of(url, before[searches % urls.Count], await ProcessCluster.SearchAsync(clients[searches % 2], url)));
                }
                catch (HttpRequestException e)
                {
                    failed.Add($"{clock.Elapsed.TotalMilliseconds:F0} ms: {e.Message}");
                }
                if (nodes.Count == 3 && clock.Elapsed - lastHealth >= HealthEvery)
                {
                    lastHealth = clock.Elapsed;
                    var health = (await clients[0].GetFromJsonAsync<ClusterHealthReport>("/health", ProcessCluster.Json))!;
                    if (Spread(health))
                        spread = health;
                    Assert.True(spread is not null || clock.Elapsed - joinedAt < Patience,
                        $"The copies had not spread {Patience} after the third node started: {Held(health)}");
                }
            }

            output.WriteLine($"Third node started at {joinedAt.TotalSeconds:F1} s; copies spread {(lastHealth - joinedAt).TotalSeconds:F1} s later: "
                + $"{Held(spread)}; {searches} searches, {failed.Count} failed, {differences.Count} differences");
            Assert.True(failed.Count == 0, $"{failed.Count} searches failed:\n{string.Join('\n', failed.Take(10))}");
            Assert.True(differences.Count == 0, $"{differences.Count} differences:\n{string.Join('\n', differences.Take(20))}");
            // The third node answers as the others did too.
            var third = await nodes[2].ClientAsync();
            var after = new List<string>();
            for (var i = 0; i < urls.Count; i++)
                after.AddRange(AnswerDifferences.Of($"through the third node: {urls[i]}", before[i], await ProcessCluster.SearchAsync(third, urls[i])));
            Assert.True(after.Count == 0, $"{after.Count} differences:\n{string.Join('\n', after.Take(20))}");
        }
        finally
        {
            foreach (var node in nodes)
                node.Dispose();
        }
    }

    /// <summary>Ready, three nodes active, every copy answering at the log's version, and each node holding 5 or 6 copies.</summary>
    private static bool Spread(ClusterHealthReport health)
    {
        var held = health.Shards.SelectMany(s => s.Copies).GroupBy(c => c.Node).Select(g => g.Count()).ToList();
        return health.Status == "ready" && health.Nodes.Count(n => n.Status == "active") == 3
            && health.Shards.All(s => s.Copies.Count == 2 && s.Copies.All(c => c.Lag == 0))
            && held.Count == 3 && held.Sum() == Copies && held.Max() - held.Min() <= 1;
    }

    private static string Held(ClusterHealthReport health) =>
        string.Join(", ", health.Shards.SelectMany(s => s.Copies).GroupBy(c => c.Node).Select(g => $"{g.Key}: {g.Count()}"));
}
