using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using SearchService.Api.Cluster;
using SearchService.Benchmarks.Store;
using SearchService.Cluster.Storage;
using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.EndToEnd;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Three cluster nodes as processes over a scratch database holding the first <see cref="Articles"/> Reuters articles,
/// and one single-node service over the same articles (a .jsonl file in its corpus folder), the reference the nodes
/// must answer as. Started once for the tests that share it; every write a test makes goes to both.
/// </summary>
public sealed class ProcessCluster : IAsyncLifetime
{
    public const int Articles = 2_000;
    private const int Nodes = 3;
    private const int BulkLines = 500;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly TempDirectory folders = new();
    private readonly List<NodeProcess> nodes = [];
    private ScratchDatabase? database;
    private ServiceProcess? single;
    private string clusterId = "";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public IReadOnlyList<NodeProcess> Node => nodes;

    public IReadOnlyList<Article> Reuters { get; private set; } = [];

    public HttpClient Single { get; private set; } = null!;

    /// <summary>
    /// Whether Orleans has declared the silo listening on <paramref name="siloPort"/> dead: its membership row, of the
    /// generation started last, says so (status 6, Orleans' <c>SiloStatus.Dead</c>).
    /// </summary>
    public async Task<bool> DeclaredDeadAsync(int siloPort)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT status FROM orleansmembershiptable WHERE deploymentid = @cluster AND port = @port ORDER BY generation DESC LIMIT 1", connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.AddWithValue("port", siloPort);
        return await command.ExecuteScalarAsync() is int status && status == 6;
    }

    /// <summary>The article log the nodes share, for a test writing to it as an older version of the service or an operator would.</summary>
    public Task<PostgresArticleLog> OpenLogAsync() => PostgresArticleLog.OpenAsync(new ArticleLogOptions(database!.ConnectionString));

    public async Task InitializeAsync()
    {
        if (new PostgresReutersFactAttribute().Skip is not null)
            return; // the tests are skipped, saying why
        var clock = Stopwatch.StartNew();
        database = await ScratchDatabase.CreateAsync(PostgresFactAttribute.ConnectionString!, "searchservice_nodes");
        // The single node's corpus folder stays empty: both learn the articles through the API (below).
        var corpus = Directory.CreateDirectory(folders.Combine("single", "corpus")).FullName;
        var reuters = folders.Combine("reuters.jsonl");
        ReutersCorpus.CopyStart(reuters, Articles);
        Reuters = JsonlArticleReader.Read(File.OpenRead(reuters), "reuters.jsonl", _ => { }).ToList();
        // One process starting at a time: on a busy machine, a silo still starting up misses the others' one-second
        // membership probes and is voted dead before it has joined.
        clusterId = $"test-{Guid.NewGuid():N}";
        for (var n = 0; n < Nodes; n++)
        {
            // No corpus: the nodes' articles are the log's. An empty folder of each node's own.
            var nodeCorpus = Directory.CreateDirectory(folders.Combine($"node-{n}", "corpus")).FullName;
            // Speaker identities on, as users get them (the default), on the nodes and on the single node.
            nodes.Add(new NodeProcess(database.ConnectionString, clusterId, folders.Combine($"node-{n}", "shards"), nodeCorpus));
            await WaitUntilReadyAsync(await nodes[n].ClientAsync());
        }
        single = ServiceProcess.Start(
            $"--Search:CorpusPath={corpus}", $"--Search:IndexPath={folders.Combine("single", "index")}", $"--Search:AdminApiKey={NodeProcess.AdminKey}",
            "--Search:SemanticRerankDepth=0", "--Search:SearchRequestsPerSecond=0");
        Single = await single.ClientWithKey(NodeProcess.AdminKey, TimeSpan.FromSeconds(30));
        await LearnInOneOrderAsync(reuters, await nodes[0].ClientAsync());
        await WaitUntilCompleteAsync(await nodes[0].ClientAsync(), activeNodes: Nodes);
        await WaitUntilIndexedAsync();
        await RebuildBothAsync(await nodes[0].ClientAsync());
        Console.WriteLine($"Three nodes and the single node over {Articles} Reuters articles ready in {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>
    /// Writes the articles through the single node's and a node's <c>POST /articles/_bulk</c>, in the file's order, a
    /// body at a time: each speaker table learns them one by one in that order. (A single node reading its corpus folder
    /// learns on one thread a core, in an order that varies from pass to pass; see docs/cluster.md.)
    /// </summary>
    private async Task LearnInOneOrderAsync(string jsonl, HttpClient node)
    {
        foreach (var body in File.ReadLines(jsonl).Chunk(BulkLines))
        {
            foreach (var client in new[] { Single, node })
            {
                using var content = new StringContent(string.Join('\n', body) + "\n", System.Text.Encoding.UTF8, "application/x-ndjson");
                using var answer = await client.PostAsync("/articles/_bulk", content);
                answer.EnsureSuccessStatusCode();
                var written = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("written").GetInt32();
                Assert.True(written == body.Length, $"{written} of {body.Length} articles written: {await answer.Content.ReadAsStringAsync()}");
            }
        }
    }

    /// <summary>
    /// Rebuilds the single node and every copy, and waits until both are done. After a rebuild each side's speakers are
    /// resolved with the table that learnt every article, so a later rebuild (some tests ask for one) changes no answer:
    /// the tests compare the two in that state, whichever runs first.
    /// </summary>
    private async Task RebuildBothAsync(HttpClient node)
    {
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await Single.PostAsync("/index/_rebuild", null)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await node.PostAsync("/index/_rebuild", null)).StatusCode);
        var clock = Stopwatch.StartNew();
        while ((await Single.GetFromJsonAsync<JsonElement>("/health")).GetProperty("status").GetString() == "indexing")
        {
            Assert.True(clock.Elapsed < Patience, $"The single node did not rebuild within {Patience}");
            await Task.Delay(250);
        }
        await WaitForHealthAsync(node, "The copies did not rebuild", health => health.Shards.All(s => s.Copies.All(c => !c.Rebuilding)), activeNodes: null);
        await WaitUntilEveryCopyAtTheLastVersionAsync(node);
    }

    /// <summary>
    /// Puts an article through a node (acknowledged once PostgreSQL committed it) and into the single node; returns when
    /// the node acknowledged it (<see cref="Stopwatch.GetTimestamp"/>).
    /// </summary>
    public async Task<long> PutAsync(HttpClient node, Article article)
    {
        var body = JsonContent.Create(new { article.Title, article.Paragraphs, article.Date });
        (await node.PutAsync($"/articles/{Uri.EscapeDataString(article.Id)}", body)).EnsureSuccessStatusCode();
        var acknowledged = Stopwatch.GetTimestamp();
        (await Single.PutAsync($"/articles/{Uri.EscapeDataString(article.Id)}", JsonContent.Create(new { article.Title, article.Paragraphs, article.Date })))
            .EnsureSuccessStatusCode();
        return acknowledged;
    }

    public static async Task<SearchResult> SearchAsync(HttpClient client, string url)
    {
        using var answer = await client.GetAsync(url);
        if (!answer.IsSuccessStatusCode)
            throw new HttpRequestException($"{(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()} for {url}", null, answer.StatusCode);
        return (await answer.Content.ReadFromJsonAsync<SearchResult>(Json))!;
    }

    /// <summary>Waits until the node's /health says every shard has a copy that has applied everything PostgreSQL holds.</summary>
    public static Task WaitUntilCompleteAsync(HttpClient node, int? activeNodes = null) =>
        WaitForHealthAsync(node, "The cluster was not complete", health => health.Shards.All(s => s.Copies.Any(c => c.Lag == 0)), activeNodes);

    /// <summary>
    /// Waits until the node's /health has every copy of every shard answering (two of each), none rebuilding, at the
    /// log's last version, on <paramref name="activeNodes"/> active nodes when given.
    /// </summary>
    public static Task WaitUntilEveryCopyAtTheLastVersionAsync(HttpClient node, int? activeNodes = null) =>
        WaitForHealthAsync(node, "Not every copy was at the last version",
            health => health.Shards.All(s => s.Copies.Count == 2 && s.Copies.All(c => c.Lag == 0 && !c.Rebuilding)), activeNodes);

    /// <summary>Asks the node's /health until it is ready, on <paramref name="activeNodes"/> active nodes when given, and <paramref name="done"/> holds.</summary>
    private static async Task WaitForHealthAsync(HttpClient node, string notDone, Func<ClusterHealthReport, bool> done, int? activeNodes)
    {
        var clock = Stopwatch.StartNew();
        var last = "no answer";
        while (true)
        {
            try
            {
                var health = await node.GetFromJsonAsync<ClusterHealthReport>("/health", Json);
                if (health is { Status: "ready" } && (activeNodes is null || health.Nodes.Count(n => n.Status == "active") == activeNodes) && done(health))
                    return;
                last = JsonSerializer.Serialize(health, Json);
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            Assert.True(clock.Elapsed < Patience, $"{notDone} within {Patience}; its health last: {last}");
            await Task.Delay(250);
        }
    }

    /// <summary>Waits until the node's /health/ready answers 200.</summary>
    public static async Task WaitUntilReadyAsync(HttpClient node)
    {
        var clock = Stopwatch.StartNew();
        while (!(await node.GetAsync("/health/ready")).IsSuccessStatusCode)
        {
            Assert.True(clock.Elapsed < Patience, $"The node was not ready within {Patience}");
            await Task.Delay(250);
        }
    }

    private async Task WaitUntilIndexedAsync()
    {
        var clock = Stopwatch.StartNew();
        while ((await SearchAsync(Single, "/search?collapse=article&pageSize=1")).TotalArticles < Articles)
        {
            Assert.True(clock.Elapsed < Patience, $"The single node did not index {Articles} articles within {Patience}");
            await Task.Delay(250);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var node in nodes)
            node.Dispose();
        single?.Dispose();
        if (database is not null)
            await database.DisposeAsync();
        folders.Dispose();
    }
}
