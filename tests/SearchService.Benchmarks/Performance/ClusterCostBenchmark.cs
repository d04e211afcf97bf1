using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using SearchService.Benchmarks.Store;
using SearchService.Cluster.Storage;
using SearchService.Core.Facets;

namespace SearchService.Benchmarks.Performance;

/// <summary>
/// The `cluster` command: what the fan-out costs. Three cluster nodes (the API's Release build output, 8 shards with 2
/// copies each, over a scratch database holding the benchmark corpus) and one single-node service over the same
/// articles (a .jsonl file in its corpus folder), all on this machine, answer the benchmark's seeded queries in the
/// same run, each query sent to the single node and to a node of the cluster (the three in turn) one after the other.
/// Prints p50 and p99 of both and the per-query overhead (the cluster's time minus the single node's for the same
/// query in the same pass), of the server's own time (tookMs) and of the client's, then the paragraphs, the index
/// bytes on disk and the resident memory of every process, for the capacity model; and how many of the answers were
/// the same on both sides (the exit code is 1 when one was not).
/// </summary>
/// <param name="postgres">A connection string to the PostgreSQL server; the scratch database is made beside it.</param>
/// <param name="siloPort">The first node's silo port; the others follow, and the gateways 100 above.</param>
/// <param name="api">The API's assembly every process runs (another build's copy, to compare two builds).</param>
/// <param name="runs">How many times the passes are measured over the same processes, a minute or more apart.</param>
/// <param name="output">Where the figures are printed.</param>
/// <param name="logs">A folder where each process's output is kept (node-0.log.. and single.log), its nodes logging the cluster's own lines from Information up; null: none kept.</param>
public sealed class ClusterCostBenchmark(BenchmarkOptions options, string postgres, int siloPort, string api, int runs, TextWriter output, string? logs = null)
{
    private const int Nodes = 3;
    private const int ArticlesPerTransaction = 500;
    private const string AdminKey = "cluster-benchmark-admin-key-0123456789";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(60);
    private static readonly TimeSpan CopyPatience = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RebalancePatience = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Parses the options of <see cref="BenchmarkOptions"/>, --postgres (by default SEARCHSERVICE_TEST_POSTGRES),
    /// --silo-port, --api (by default the Release build output), --runs (3) and --logs (a folder; none by default).
    /// </summary>
    public static async Task<int> Run(string[] args)
    {
        var postgres = Environment.GetEnvironmentVariable("SEARCHSERVICE_TEST_POSTGRES") ?? "";
        var siloPort = 11411;
        var api = ApiBuild.BuildOutput;
        var runs = 3;
        string? logs = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--postgres")
                postgres = args[i + 1];
            else if (args[i] == "--silo-port")
                siloPort = int.Parse(args[i + 1]);
            else if (args[i] == "--api")
                api = Path.GetFullPath(args[i + 1]);
            else if (args[i] == "--runs")
                runs = int.Parse(args[i + 1]);
            else if (args[i] == "--logs")
                logs = Directory.CreateDirectory(args[i + 1]).FullName;
        }
        if (postgres.Length == 0)
        {
            Console.Error.WriteLine("No PostgreSQL: give --postgres CONNECTION or set SEARCHSERVICE_TEST_POSTGRES (bash scripts/postgres.sh url DIR PORT prints one).");
            return 2;
        }
        var result = await new ClusterCostBenchmark(BenchmarkOptions.Parse(args), postgres, siloPort, api, runs, Console.Out, logs).Measure();
        return result.SameAnswers == result.Answers ? 0 : 1;
    }

    /// <summary>Starts the four processes, measures, prints, and returns each run's figures and how many answers agreed.</summary>
    public async Task<ClusterCostResult> Measure()
    {
        var work = Directory.CreateTempSubdirectory("searchservice-cluster-cost-");
        var servers = new List<ServerProcess>();
        try
        {
            var articles = BenchmarkCorpus.Load(options.CorpusFile, options.LimitArticles, options.Scale);
            var paragraphs = articles.Sum(a => a.Paragraphs.Count);
            var extractor = NewsFacetExtractor.Load();
            var facets = articles.AsParallel().AsOrdered().Select(extractor.Extract).ToList();
            var queries = QuerySet.Create(articles, facets, options.QueriesPerClass, options.Seed)
                .Concat(QuerySet.Questions(articles, options.Questions ?? BenchmarkOptions.DefaultQuestions, options.Seed)).ToList();

            var corpus = Directory.CreateDirectory(Path.Combine(work.FullName, "single", "corpus")).FullName;
            BenchmarkCorpus.Write(articles, Path.Combine(corpus, "corpus.jsonl"));
            await using var database = await ScratchDatabase.CreateAsync(postgres, "searchservice_cost");
            await using (var log = await PostgresArticleLog.OpenAsync(new ArticleLogOptions(database.ConnectionString)))
            {
                foreach (var chunk in articles.Zip(facets, (a, f) => new FacetedArticle(a, f)).Chunk(ArticlesPerTransaction))
                    await log.PutManyAsync(chunk);
            }
            output.WriteLine($"{api}: {articles.Count:N0} articles, {paragraphs:N0} paragraphs (scale {options.Scale}); {queries.Count} queries; " +
                              $"{options.WarmupPasses} warm-up and {options.MeasuredPasses} measured passes; load average {LoadAverage()}");

            var clock = Stopwatch.StartNew();
            var singleIndex = Path.Combine(work.FullName, "single", "index");
            var single = Start(servers, "single",
                $"--Search:CorpusPath={corpus}", $"--Search:IndexPath={singleIndex}", "--Search:SpeakerIdentities=false");
            var singleClient = await ClientAsync(single);
            var nodeShards = new List<string>();
            var nodeClients = new List<HttpClient>();
            var clusterId = $"cost-{Guid.NewGuid():N}";
            for (var n = 0; n < Nodes; n++)
            {
                // One node at a time: a silo still starting on a busy machine misses the others' probes and is voted dead.
                nodeShards.Add(Path.Combine(work.FullName, $"node-{n}", "shards"));
                var node = Start(servers, $"node-{n}",
                    [.. NodeArguments(database.ConnectionString, clusterId, siloPort, n, work.FullName), .. logs is null ? [] : ClusterLogLevels]);
                nodeClients.Add(await ClientAsync(node));
                await WaitUntil(() => Ready(nodeClients[n]), $"node {n} ready", Patience);
            }
            await WaitUntil(() => Complete(nodeClients[0], everyCopy: false), "a copy of every shard at the log's last version", Patience);
            try
            {
                await WaitUntil(() => Complete(nodeClients[0], everyCopy: true), "every copy of every shard at the log's last version", CopyPatience);
                output.WriteLine($"Three nodes complete {clock.Elapsed.TotalSeconds:F0} s after the single node's start");
            }
            catch (TimeoutException e)
            {
                // Searches pass over a copy that fails; the run goes on and says so.
                output.WriteLine($"{e.Message}; /health: {await nodeClients[0].GetStringAsync("/health")}");
            }
            try
            {
                // Nodes start one at a time, so the first takes a copy of every shard, the second is given the copies
                // unassigned until then, and the rebalancer moves copies onto the third one by one, each built from the
                // log on its new node: measured before that ends, the runs measure the builds and moves too.
                await WaitUntil(() => Spread(nodeClients[0]), "the copies spread over the nodes", RebalancePatience);
                output.WriteLine($"Copies spread over the nodes {clock.Elapsed.TotalSeconds:F0} s after the single node's start");
            }
            catch (TimeoutException e)
            {
                output.WriteLine($"{e.Message}; /health: {await nodeClients[0].GetStringAsync("/health")}");
            }
            await WaitUntil(() => Indexed(singleClient, articles.Count), "the single node indexed every article", Patience);
            output.WriteLine($"Single node indexed {clock.Elapsed.TotalSeconds:F0} s after its start; load average {LoadAverage()}");

            var urls = queries.Select(q => q.SearchUrl()).ToList();
            for (var pass = 0; pass < options.WarmupPasses; pass++)
                await Pass(urls, singleClient, nodeClients, pass);
            var figures = new List<RunFigures>();
            for (var run = 1; run <= runs; run++)
            {
                var measured = new List<QueryPair>();
                for (var pass = 0; pass < options.MeasuredPasses; pass++)
                    measured.AddRange(await Pass(urls, singleClient, nodeClients, pass));
                output.WriteLine();
                output.WriteLine($"Run {run} of {runs}; load average {LoadAverage()}");
                Print("Server time (tookMs)", queries, measured, t => t.Server);
                Print("Client latency (request sent to answer read, loopback)", queries, measured, t => t.Client);
                var same = measured.Count(p => p.Single.Answer == p.Cluster.Answer);
                output.WriteLine($"Answers: {same} of {measured.Count} identical on both sides (total and hit ids in order)");
                foreach (var differing in measured.Where(p => p.Single.Answer != p.Cluster.Answer).Take(3))
                    output.WriteLine($"  differs: {urls[differing.Query]}: single {differing.Single.Answer}; cluster {differing.Cluster.Answer}");
                figures.Add(new RunFigures(Summary(measured, t => t.Server), Summary(measured, t => t.Client), measured.Count, same));
            }
            PrintRuns(figures);
            PrintFootprint(servers, paragraphs, singleIndex, nodeShards);
            return new ClusterCostResult(figures.Select(f => f.Server).ToList(), figures.Select(f => f.Client).ToList(), figures.Sum(f => f.Answers), figures.Sum(f => f.SameAnswers));
        }
        finally
        {
            foreach (var server in servers)
                server.Dispose();
            work.Delete(recursive: true);
        }
    }

    /// <summary>What a node kept with --logs also logs: its copies' activations, catch-ups, moves and builds, and Orleans' grain lifecycle.</summary>
    private static readonly string[] ClusterLogLevels =
        ["--Logging:LogLevel:SearchService.Cluster=Information", "--Logging:LogLevel:Orleans.Grain=Information"];

    /// <summary>Starts a process, its output kept in <see cref="logs"/>/<paramref name="name"/>.log when logs are kept.</summary>
    private ServerProcess Start(List<ServerProcess> servers, string name, params string[] arguments) =>
        Start(api, servers, arguments, logs is null ? null : Path.Combine(logs, $"{name}.log"));

    /// <summary>Starts the API's <paramref name="api"/> assembly with the admin key and no rate limit, added to <paramref name="servers"/>.</summary>
    internal static ServerProcess Start(string api, List<ServerProcess> servers, string[] arguments, string? logFile = null)
    {
        var server = new ServerProcess(api,
            [.. arguments, $"--Search:AdminApiKey={AdminKey}", "--Search:SemanticRerankDepth=0", "--Search:SearchRequestsPerSecond=0"], logFile);
        servers.Add(server);
        return server;
    }

    /// <summary>Node <paramref name="n"/>'s settings: its silo and gateway ports, and its shards and corpus folders under <paramref name="work"/>/node-n.</summary>
    internal static string[] NodeArguments(string postgres, string clusterId, int siloPort, int n, string work) =>
    [
        "--Search:Cluster:Enabled=true", $"--Search:Cluster:Postgres={postgres}", $"--Search:Cluster:ClusterId={clusterId}",
        $"--Search:Cluster:SiloPort={siloPort + n}", $"--Search:Cluster:GatewayPort={siloPort + 100 + n}",
        // Failure detection more patient than a node's default (1 s probes, 2 missed): what is measured is searching,
        // and at load 60-80 on two cores a node starting up was voted dead under the default.
        "--Search:Cluster:ProbeTimeout=00:00:05", "--Search:Cluster:NumMissedProbesLimit=3",
        $"--Search:Cluster:ShardsPath={Path.Combine(work, $"node-{n}", "shards")}",
        $"--Search:CorpusPath={Directory.CreateDirectory(Path.Combine(work, $"node-{n}", "corpus")).FullName}",
    ];

    internal static async Task<HttpClient> ClientAsync(ServerProcess server)
    {
        var client = new HttpClient { BaseAddress = await server.Address, Timeout = TimeSpan.FromMinutes(1) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    /// <summary>
    /// Every query once to the single node and once to a node of the cluster (the three in turn), which first alternating,
    /// so neither always meets a cache the other warmed.
    /// </summary>
    private static async Task<List<QueryPair>> Pass(IReadOnlyList<string> urls, HttpClient single, IReadOnlyList<HttpClient> nodes, int pass)
    {
        var pairs = new List<QueryPair>(urls.Count);
        for (var i = 0; i < urls.Count; i++)
        {
            var node = nodes[(i + pass) % nodes.Count];
            Timing singleTime, clusterTime;
            if ((i + pass) % 2 == 0)
            {
                singleTime = await Search(single, urls[i]);
                clusterTime = await Search(node, urls[i]);
            }
            else
            {
                clusterTime = await Search(node, urls[i]);
                singleTime = await Search(single, urls[i]);
            }
            pairs.Add(new QueryPair(i, singleTime, clusterTime));
        }
        return pairs;
    }

    private static async Task<Timing> Search(HttpClient client, string url)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{url}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        var answer = json.RootElement;
        var hits = string.Join(' ', answer.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
        return new Timing(answer.GetProperty("tookMs").GetDouble(), elapsed, $"total {answer.GetProperty("total").GetInt64()}: {hits}");
    }

    private void Print(string title, IReadOnlyList<BenchQuery> queries, IReadOnlyList<QueryPair> measured, Func<Timing, double> of)
    {
        output.WriteLine();
        output.WriteLine($"{title}, ms:");
        output.WriteLine("| queries | n | single p50 | single p99 | cluster p50 | cluster p99 | overhead p50 | overhead p99 |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        var groups = measured.GroupBy(p => queries[p.Query].Class.ToString()).Prepend(measured.GroupBy(_ => "all").Single());
        foreach (var group in groups)
        {
            var single = Percentiles.Of(group.Select(p => of(p.Single)));
            var cluster = Percentiles.Of(group.Select(p => of(p.Cluster)));
            var overhead = Percentiles.Of(group.Select(p => of(p.Cluster) - of(p.Single)));
            output.WriteLine($"| {group.Key} | {single.Count} | {single.P50:F1} | {single.P99:F1} | {cluster.P50:F1} | {cluster.P99:F1} | {overhead.P50:F1} | {overhead.P99:F1} |");
        }
    }

    /// <summary>Single p50, p99; cluster p50, p99; overhead p50, p99 over every query of a run.</summary>
    private static double[] Summary(IReadOnlyList<QueryPair> measured, Func<Timing, double> of)
    {
        var single = Percentiles.Of(measured.Select(p => of(p.Single)));
        var cluster = Percentiles.Of(measured.Select(p => of(p.Cluster)));
        var overhead = Percentiles.Of(measured.Select(p => of(p.Cluster) - of(p.Single)));
        return [single.P50, single.P99, cluster.P50, cluster.P99, overhead.P50, overhead.P99];
    }

    private void PrintRuns(IReadOnlyList<RunFigures> runs)
    {
        string[] rows = ["single p50", "single p99", "cluster p50", "cluster p99", "overhead p50", "overhead p99"];
        static string MedianAndRange(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return $"{sorted[sorted.Count / 2]:F1} ({sorted[0]:F1}–{sorted[^1]:F1})";
        }
        output.WriteLine();
        output.WriteLine($"Every query, {runs.Count} runs, ms: median (range)");
        output.WriteLine("| figure | server (tookMs) | client |");
        output.WriteLine("| --- | --- | --- |");
        for (var i = 0; i < rows.Length; i++)
            output.WriteLine($"| {rows[i]} | {MedianAndRange(runs.Select(r => r.Server[i]))} | {MedianAndRange(runs.Select(r => r.Client[i]))} |");
    }

    private void PrintFootprint(IReadOnlyList<ServerProcess> servers, int paragraphs, string singleIndex, IReadOnlyList<string> nodeShards)
    {
        static double Mb(long bytes) => bytes / 1048576.0;
        output.WriteLine();
        var singleBytes = FolderBytes(singleIndex);
        output.WriteLine($"Single node: index {Mb(singleBytes):F1} MB ({(double)singleBytes / paragraphs:F0} bytes a paragraph), " +
                          $"resident {Mb(servers[0].WorkingSetBytes):F0} MB, peak {Mb(servers[0].PeakWorkingSetBytes):F0} MB");
        long clusterBytes = 0;
        for (var n = 0; n < nodeShards.Count; n++)
        {
            var bytes = FolderBytes(nodeShards[n]);
            clusterBytes += bytes;
            output.WriteLine($"Node {n}: shard copies {Mb(bytes):F1} MB, resident {Mb(servers[n + 1].WorkingSetBytes):F0} MB, peak {Mb(servers[n + 1].PeakWorkingSetBytes):F0} MB");
        }
        output.WriteLine($"Cluster: {Mb(clusterBytes):F1} MB of shard copies, {(double)clusterBytes / paragraphs:F0} bytes a paragraph (every copy counted)");
    }

    private static long FolderBytes(string folder) =>
        Directory.Exists(folder) ? new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

    internal static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    internal static async Task<bool> Ready(HttpClient node) => (await node.GetAsync("/health/ready")).IsSuccessStatusCode;

    /// <param name="everyCopy">Every copy, not one a shard: searches go to the copies in turn, and a copy still reading would answer from less.</param>
    private static async Task<bool> Complete(HttpClient node, bool everyCopy)
    {
        using var health = JsonDocument.Parse(await node.GetStringAsync("/health"));
        var root = health.RootElement;
        return (!everyCopy || root.GetProperty("status").GetString() == "ready")
               && root.GetProperty("nodes").EnumerateArray().Count(n => n.GetProperty("status").GetString() == "active") == Nodes
               && root.GetProperty("shards").EnumerateArray().All(shard =>
               {
                   var copies = shard.GetProperty("copies").EnumerateArray().ToList();
                   return (!everyCopy || shard.GetProperty("problems").GetArrayLength() == 0) && (everyCopy ? copies.All(Applied) : copies.Any(Applied));
               });
        static bool Applied(JsonElement copy) => copy.GetProperty("lag").ValueKind == JsonValueKind.Number && copy.GetProperty("lag").GetInt64() == 0;
    }

    /// <summary>
    /// Whether the copies are where the rebalancer leaves them: none moving, no node holding two copies of a shard, and
    /// no node holding more than one copy more than another.
    /// </summary>
    private static async Task<bool> Spread(HttpClient node)
    {
        using var health = JsonDocument.Parse(await node.GetStringAsync("/health"));
        var root = health.RootElement;
        var shards = root.GetProperty("shards").EnumerateArray().ToList();
        if (shards.Any(shard => shard.GetProperty("moving").GetArrayLength() > 0))
            return false;
        var holders = shards.Select(shard => shard.GetProperty("copies").EnumerateArray().Select(c => c.GetProperty("node").GetString()!).ToList()).ToList();
        if (holders.Any(nodes => nodes.Distinct().Count() < nodes.Count))
            return false;
        var held = root.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("address").GetString()!)
            .Select(address => holders.Sum(nodes => nodes.Count(n => n == address))).ToList();
        return held.Count == Nodes && held.Max() - held.Min() <= 1;
    }

    private static async Task<bool> Indexed(HttpClient single, int articles)
    {
        using var answer = JsonDocument.Parse(await single.GetStringAsync("/search?collapse=article&pageSize=1"));
        return answer.RootElement.GetProperty("totalArticles").GetInt32() >= articles;
    }

    internal static async Task WaitUntil(Func<Task<bool>> condition, string what, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await condition())
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not answering yet
            }
            if (clock.Elapsed > patience)
                throw new TimeoutException($"Not within {patience}: {what}");
            await Task.Delay(500);
        }
    }

    /// <param name="Answer">The answer's total and hit ids in order, which both sides must agree on (scores may differ in the last digits).</param>
    private sealed record Timing(double Server, double Client, string Answer);

    private sealed record QueryPair(int Query, Timing Single, Timing Cluster);

    private sealed record RunFigures(double[] Server, double[] Client, int Answers, int SameAnswers);
}
