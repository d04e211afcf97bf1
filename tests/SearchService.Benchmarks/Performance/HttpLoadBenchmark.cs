using System.Diagnostics;
using System.Net;
using System.Text.Json;
using SearchService.Benchmarks.Performance;
using SearchService.Core.Facets;

namespace SearchService.Benchmarks.Performance;

/// <summary>
/// The `http` command: indexes the benchmark corpus with the indexer, starts the real service over it (the published
/// Release build, precompiled ReadyToRun, on Kestrel over loopback) and measures the start-up to the first answered
/// query (against the build output, compiled at run time, started in the same run), the first pass of queries against a
/// later one, GET /search under 1, 8 and 32 concurrent connections (throughput, latency percentiles, and the server's
/// own share, its tookMs, so HTTP and JSON overhead is visible), and the service's peak working set. Client and
/// server share the machine.
/// </summary>
public sealed class HttpLoadBenchmark(BenchmarkOptions options)
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);
    private static readonly int[] DefaultConnections = [1, 8, 32];

    public async Task<int> Run()
    {
        var work = Directory.CreateTempSubdirectory("searchservice-http-");
        try
        {
            var articles = BenchmarkCorpus.Load(options.CorpusFile, options.LimitArticles, options.Scale);
            var corpus = Directory.CreateDirectory(Path.Combine(work.FullName, "corpus"));
            BenchmarkCorpus.Write(articles, Path.Combine(corpus.FullName, "corpus.jsonl"));
            var extractor = NewsFacetExtractor.Load();
            var facets = articles.AsParallel().AsOrdered().Select(extractor.Extract).ToList();
            var urls = QuerySet.Create(articles, facets, options.QueriesPerClass, options.Seed)
                .Concat(QuerySet.Questions(articles, options.Questions ?? 0, options.Seed)).Select(q => q.SearchUrl()).ToList();

            var index = Path.Combine(work.FullName, "index");
            await BuildIndex(corpus.FullName, index);
            Console.WriteLine($"Index built over {articles.Count:N0} articles; {urls.Count} distinct queries, {Duration.TotalSeconds:F0} s per level");

            // Start-up of both builds, taken in turns so the operating system's file cache favours neither; only this
            // repository's, whose build output is known.
            var compiledAtRunTime = new List<TimeSpan>();
            var precompiled = new List<TimeSpan>();
            var precompiledListening = new List<TimeSpan>();
            for (var round = 0; options.Api is null && round < 2; round++)
            {
                compiledAtRunTime.Add((await StartUp(ApiBuild.BuildOutput, corpus.FullName, index, urls[0])).FirstAnswer);
                var (firstAnswer, listening) = await StartUp(ApiBuild.PublishOutput, corpus.FullName, index, urls[0]);
                precompiled.Add(firstAnswer);
                precompiledListening.Add(listening);
            }
            if (options.Api is null)
            {
                await Measure(ApiBuild.PublishOutput, corpus.FullName, index, urls, precompiled, precompiledListening);
                Console.WriteLine($"Start-up, process start to first answered query: published (ReadyToRun) {Seconds(precompiled)} s; " +
                                  $"build output (compiled at run time) {Seconds(compiledAtRunTime)} s; " +
                                  $"ratio of medians {Median(precompiled) / Median(compiledAtRunTime):F2}x; " +
                                  $"of which to Kestrel listening (host built, index opened), published: {Seconds(precompiledListening)} s");
                return 0;
            }
            // Other builds over the one index, in turns, round after round, so the machine's load of the period weighs on each alike.
            for (var round = 1; round <= options.Rounds; round++)
            {
                foreach (var published in options.Api)
                {
                    Console.WriteLine();
                    Console.WriteLine($"Round {round}, {published}, load average {File.ReadAllText("/proc/loadavg").Trim()}");
                    await Measure(published, corpus.FullName, index, urls, [], []);
                }
            }
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A fresh process of <paramref name="published"/> over the index: start-up (added to the lists), the first pass of
    /// queries against a later one, the load levels and its peak working set.
    /// </summary>
    private async Task Measure(string published, string corpus, string index, IReadOnlyList<string> urls, List<TimeSpan> precompiled,
        List<TimeSpan> precompiledListening)
    {
        // A fresh process over the existing index: start-up, then the first pass of queries, one at a time.
        var sinceStart = Stopwatch.StartNew();
        using var server = StartServer(published, corpus, index);
        var levels = options.Connections ?? DefaultConnections;
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = levels.Max() })
        {
            BaseAddress = await server.Address,
        };
        await WaitUntilAnswered(client, urls[0]);
        precompiled.Add(sinceStart.Elapsed);
        precompiledListening.Add(server.ListeningAfter);
        Console.WriteLine($"First answer {sinceStart.Elapsed.TotalSeconds:F2} s after the process started; listening after {server.ListeningAfter.TotalSeconds:F2} s");
        var firstPass = await SequentialPass(client, urls);
        await SequentialPass(client, urls);

        Console.WriteLine("| connections | requests/s | p50 (ms) | p95 (ms) | p99 (ms) | server p50 (ms) | server p99 (ms) | errors | " +
                          "service CPU per request (ms) | client CPU per request (ms) |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        var overheadAtOne = (Median: double.NaN, Mean: double.NaN);
        foreach (var connections in levels)
        {
            var overhead = await Load(server, client, urls, connections);
            if (connections == 1)
                overheadAtOne = overhead;
        }

        var steadyPass = await SequentialPass(client, urls);
        Console.WriteLine();
        Console.WriteLine($"First pass after start-up, server p50 {firstPass.P50:F3} ms; steady state {steadyPass.P50:F3} ms ({firstPass.P50 / steadyPass.P50:F2}x)");
        if (!double.IsNaN(overheadAtOne.Median))
            Console.WriteLine($"HTTP and JSON per request at 1 connection (client latency less the server's tookMs, request by request, " +
                              $"the client's request and its parse of the answer included): median {overheadAtOne.Median:F3} ms, mean {overheadAtOne.Mean:F3} ms");
        Console.WriteLine($"Peak working set of the service: {server.PeakWorkingSetBytes / 1048576.0:F0} MB");
    }

    private static string Seconds(IEnumerable<TimeSpan> times) => string.Join(", ", times.Select(t => $"{t.TotalSeconds:F2}"));

    /// <summary>
    /// One level of load; returns what HTTP and JSON added to each answered request: its latency at the client less the
    /// server's own tookMs for it, median and mean.
    /// </summary>
    private static async Task<(double Median, double Mean)> Load(ServerProcess service, HttpClient client, IReadOnlyList<string> urls, int connections)
    {
        var serviceCpu = service.CpuTime;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var latencies = new List<double>[connections];
        var serverTimes = new List<double>[connections];
        var overheads = new List<double>[connections];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            latencies[worker] = [];
            serverTimes[worker] = [];
            overheads[worker] = [];
            for (var i = worker; clock.Elapsed < Duration; i += connections)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(urls[i % urls.Count]);
                var body = await response.Content.ReadAsStreamAsync();
                using var json = await JsonDocument.ParseAsync(body);
                var latency = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                latencies[worker].Add(latency);
                if (response.StatusCode != HttpStatusCode.OK)
                    Interlocked.Increment(ref errors);
                else
                {
                    var took = json.RootElement.GetProperty("tookMs").GetDouble();
                    serverTimes[worker].Add(took);
                    overheads[worker].Add(latency - took);
                }
            }
        }));
        var elapsed = clock.Elapsed;
        var serviceCpuPerRequest = (service.CpuTime - serviceCpu).TotalMilliseconds;
        var clientCpuPerRequest = (Process.GetCurrentProcess().TotalProcessorTime - clientCpu).TotalMilliseconds;
        var all = Percentiles.Of(latencies.SelectMany(l => l));
        var server = Percentiles.Of(serverTimes.SelectMany(l => l));
        Console.WriteLine($"| {connections} | {all.Count / elapsed.TotalSeconds:N0} | {all.P50:F2} | {all.P95:F2} | {all.P99:F2} | {server.P50:F2} | {server.P99:F2} | {errors} | " +
                          $"{serviceCpuPerRequest / all.Count:F3} | {clientCpuPerRequest / all.Count:F3} |");
        var overhead = overheads.SelectMany(o => o).ToList();
        return (Percentiles.Of(overhead).P50, overhead.Count == 0 ? double.NaN : overhead.Average());
    }

    /// <summary>Every query once, one at a time; percentiles of the server's own time (its tookMs).</summary>
    private static async Task<Percentiles> SequentialPass(HttpClient client, IReadOnlyList<string> urls)
    {
        var serverTimes = new List<double>(urls.Count);
        foreach (var url in urls)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync(url));
            serverTimes.Add(json.RootElement.GetProperty("tookMs").GetDouble());
        }
        return Percentiles.Of(serverTimes);
    }

    private static async Task WaitUntilAnswered(HttpClient client, string url)
    {
        for (var i = 0; i < 60_000; i++)
        {
            try
            {
                using var response = await client.GetAsync(url);
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(1);
        }
        throw new TimeoutException("The service answered no query.");
    }

    /// <summary>Indexes the corpus with the indexer program, which commits before it exits.</summary>
    private static async Task BuildIndex(string corpus, string index)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        foreach (var argument in new[] { ApiBuild.RepositoryFile("src/SearchService.Indexer/bin/Release/net10.0/SearchService.Indexer.dll"), "index",
                     $"--Search:CorpusPath={corpus}", $"--Search:IndexPath={index}", "--Logging:LogLevel:Default=Warning" })
            start.ArgumentList.Add(argument);
        using var indexer = Process.Start(start)!;
        await indexer.StandardOutput.ReadToEndAsync();
        await indexer.WaitForExitAsync();
        if (indexer.ExitCode != 0)
            throw new InvalidOperationException($"The indexer exited with {indexer.ExitCode}.");
    }

    private static double Median(List<TimeSpan> times) => times.Select(t => t.TotalSeconds).Order().ElementAt(times.Count / 2);

    /// <summary>
    /// From starting the service to its first answer, and to its listening; the service is stopped after.
    /// </summary>
    private static async Task<(TimeSpan FirstAnswer, TimeSpan Listening)> StartUp(string assembly, string corpus, string index, string url)
    {
        var sinceStart = Stopwatch.StartNew();
        using var server = StartServer(assembly, corpus, index);
        using var client = new HttpClient { BaseAddress = await server.Address };
        await WaitUntilAnswered(client, url);
        return (sinceStart.Elapsed, server.ListeningAfter);
    }

    private static ServerProcess StartServer(string assembly, string corpus, string index) =>
        new(assembly,
            [$"--Search:CorpusPath={corpus}", $"--Search:IndexPath={index}", "--Search:SearchRequestsPerSecond=0"]);
}
