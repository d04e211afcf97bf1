using System.Diagnostics;
using System.Net.Http.Json;
using SearchService.Benchmarks.Store;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;

using static SearchService.Benchmarks.Performance.CommandArguments;

namespace SearchService.Benchmarks.Performance;

/// <summary>
/// The `cluster-alerts` command: how late a cluster's webhook notices come. Two cluster nodes (the API's Release build,
/// 2 shards, as the `cluster` command starts them, over a scratch database) and a local receiver answering 204 to every
/// POST (<see cref="WebhookCounter"/>). Each run writes <c>--articles</c> Reuters articles one after the other through
/// the nodes in turn, first with no alerts saved, then with <c>--alerts</c> saved through the first node (drawn as the
/// `alerts` command draws them, each with a webhook on the receiver), new articles each time; then deletes the alerts.
/// Prints the writes a second of both, and the delay from each write's acknowledgement to the first notice naming the
/// article reaching the receiver (p50, p99 over the articles any alert matched), per run and as median (range).
/// </summary>
public static class ClusterAlertsBenchmark
{
    private const int Nodes = 2;

    /// <summary>No notice for this long after the last write, or after the last notice, ends a run's wait for them.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    public static async Task<int> Run(IReadOnlyList<string> args)
    {
        var postgres = Environment.GetEnvironmentVariable("SEARCHSERVICE_TEST_POSTGRES") ?? "";
        var at = args.ToList().IndexOf("--postgres");
        if (at >= 0 && at + 1 < args.Count)
            postgres = args[at + 1];
        if (postgres.Length == 0)
        {
            Console.Error.WriteLine("No PostgreSQL: give --postgres CONNECTION or set SEARCHSERVICE_TEST_POSTGRES (bash scripts/postgres.sh url DIR PORT prints one).");
            return 2;
        }
        var options = BenchmarkOptions.Parse(Without(args.ToList(), "--alerts", "--articles", "--runs", "--postgres", "--silo-port"));
        var count = Value(args, "--alerts", 1000);
        var perPhase = Value(args, "--articles", 200);
        var runs = Value(args, "--runs", 3);
        var siloPort = Value(args, "--silo-port", 11511);
        var articles = BenchmarkCorpus.Load(options.CorpusFile, perPhase * 2 * runs, 1);
        var extractor = NewsFacetExtractor.Load();
        using var receiver = new WebhookCounter();
        var alerts = AlertsBenchmark.Alerts(articles, articles.Take(2000).Select(extractor.Extract).ToList(), count, options.Seed)
            .Select(a => new { q = a.Query.Q, region = a.Query.Region, webhook = receiver.Url }).ToList();

        var work = Directory.CreateTempSubdirectory("searchservice-cluster-alerts-");
        var servers = new List<ServerProcess>();
        try
        {
            await using var database = await ScratchDatabase.CreateAsync(postgres, "searchservice_cluster_alerts");
            var clusterId = $"alerts-{Guid.NewGuid():N}";
            var nodes = new List<HttpClient>();
            for (var n = 0; n < Nodes; n++)
            {
                var node = ClusterCostBenchmark.Start(ApiBuild.BuildOutput, servers,
                    [.. ClusterCostBenchmark.NodeArguments(database.ConnectionString, clusterId, siloPort, n, work.FullName), "--Search:Cluster:Shards=2",
                     $"--Search:Alerts:WebhookHosts:0={WebhookCounter.Address}"]);
                nodes.Add(await ClusterCostBenchmark.ClientAsync(node));
                await ClusterCostBenchmark.WaitUntil(() => ClusterCostBenchmark.Ready(nodes[n]), $"node {n} ready", Patience);
            }
            Console.WriteLine($"{Nodes} nodes, 2 shards; {count:N0} alerts, each with a webhook; {perPhase} articles a phase, written one after " +
                              $"the other through the nodes in turn; {runs} runs; load average {ClusterCostBenchmark.LoadAverage()}");
            var figures = new List<(double Without, double With, double P50, double P99)>();
            for (var run = 0; run < runs; run++)
            {
                var loadBefore = ClusterCostBenchmark.LoadAverage();
                var without = await WriteAsync(nodes, articles.Skip(run * 2 * perPhase).Take(perPhase).ToList());
                var saved = new List<string>();
                foreach (var alert in alerts)
                {
                    var created = await nodes[0].PostAsJsonAsync("/alerts", alert);
                    created.EnsureSuccessStatusCode();
                    saved.Add((await created.Content.ReadFromJsonAsync<IdOnly>())!.Id);
                }
                var written = articles.Skip((run * 2 + 1) * perPhase).Take(perPhase).ToList();
                var with = await WriteAsync(nodes, written);
                await UntilQuiet(receiver);
                var delays = written.Where(a => receiver.FirstNotice.ContainsKey(a.Id))
                    .Select(a => Stopwatch.GetElapsedTime(with.Acknowledged[a.Id], receiver.FirstNotice[a.Id]).TotalSeconds).ToList();
                var delay = Percentiles.Of(delays);
                foreach (var id in saved)
                    (await nodes[0].DeleteAsync($"/alerts/{id}")).EnsureSuccessStatusCode();
                figures.Add((without.PerSecond, with.PerSecond, delay.P50, delay.P99));
                Console.WriteLine($"run {run + 1}: no alerts {without.PerSecond:F1} writes/s; {count:N0} alerts {with.PerSecond:F1} writes/s, " +
                                  $"{delays.Count} of {written.Count} articles notified, delay from acknowledgement to the receiver p50 {delay.P50:F2} s, " +
                                  $"p99 {delay.P99:F2} s, max {delays.DefaultIfEmpty().Max():F2} s; {receiver.Received:N0} POSTs so far; " +
                                  $"load average {loadBefore} then {ClusterCostBenchmark.LoadAverage()}");
            }
            Console.WriteLine($"{runs} runs, median (range): writes/s with no alerts {Summary(figures.Select(f => f.Without))}, with {count:N0} alerts " +
                              $"{Summary(figures.Select(f => f.With))}; delay p50 {Summary(figures.Select(f => f.P50))} s, p99 {Summary(figures.Select(f => f.P99))} s");
            return 0;
        }
        finally
        {
            foreach (var server in servers)
                server.Dispose();
            work.Delete(recursive: true);
        }
    }

    /// <summary>Puts the articles one after the other through the nodes in turn: when each was acknowledged, and writes a second.</summary>
    private static async Task<(Dictionary<string, long> Acknowledged, double PerSecond)> WriteAsync(IReadOnlyList<HttpClient> nodes, IReadOnlyList<Article> articles)
    {
        var acknowledged = new Dictionary<string, long>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < articles.Count; i++)
        {
            var article = articles[i];
            var answer = await nodes[i % nodes.Count].PutAsJsonAsync($"/articles/{Uri.EscapeDataString(article.Id)}",
                new { title = article.Title, date = article.Date, paragraphs = article.Paragraphs });
            acknowledged[article.Id] = Stopwatch.GetTimestamp();
            answer.EnsureSuccessStatusCode();
        }
        return (acknowledged, articles.Count / clock.Elapsed.TotalSeconds);
    }

    /// <summary>Waits until no POST has come for <see cref="Quiet"/>: every notice of the writes delivered.</summary>
    private static async Task UntilQuiet(WebhookCounter receiver)
    {
        var (last, since) = (receiver.Received, Stopwatch.StartNew());
        while (since.Elapsed < Quiet)
        {
            await Task.Delay(250);
            if (receiver.Received != last)
                (last, since) = (receiver.Received, Stopwatch.StartNew());
        }
    }

    private static string Summary(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return $"{sorted[sorted.Count / 2]:F2} ({sorted[0]:F2}–{sorted[^1]:F2})";
    }

    private sealed record IdOnly(string Id);
}
