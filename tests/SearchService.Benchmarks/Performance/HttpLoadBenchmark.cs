using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SearchService.Benchmarks.Performance;
using SearchService.Core.Facets;

namespace SearchService.Benchmarks.Performance;

/// <summary>
/// The `http` command: runs the real service (its Release build, Kestrel on loopback) over the benchmark corpus and
/// loads GET /search with 1, 8 and 32 concurrent connections, reporting throughput, latency percentiles and the
/// server's own share (its tookMs) so that HTTP and JSON overhead is visible. Client and server share the machine.
/// </summary>
public sealed partial class HttpLoadBenchmark(BenchmarkOptions options)
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);
    private static readonly int[] Connections = [1, 8, 32];

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
            var urls = QuerySet.Create(articles, facets, options.QueriesPerClass, options.Seed).Select(SearchUrl).ToList();

            using var server = StartServer(corpus.FullName, Path.Combine(work.FullName, "index"));
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections.Max() })
            {
                BaseAddress = await server.Address,
            };
            await WaitUntilReady(client);
            Console.WriteLine($"Service ready over {articles.Count:N0} articles; {urls.Count} distinct queries, {Duration.TotalSeconds:F0} s per level");
            foreach (var url in urls)
                await client.GetAsync(url);

            Console.WriteLine("| connections | requests/s | p50 (ms) | p95 (ms) | p99 (ms) | server p50 (ms) | server p99 (ms) | errors |");
            Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
            foreach (var connections in Connections)
                await Load(client, urls, connections);
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task Load(HttpClient client, IReadOnlyList<string> urls, int connections)
    {
        var latencies = new List<double>[connections];
        var serverTimes = new List<double>[connections];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            latencies[worker] = [];
            serverTimes[worker] = [];
            for (var i = worker; clock.Elapsed < Duration; i += connections)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(urls[i % urls.Count]);
                var body = await response.Content.ReadAsStreamAsync();
                using var json = await JsonDocument.ParseAsync(body);
                latencies[worker].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                    Interlocked.Increment(ref errors);
                else
                    serverTimes[worker].Add(json.RootElement.GetProperty("tookMs").GetDouble());
            }
        }));
        var all = Percentiles.Of(latencies.SelectMany(l => l));
        var server = Percentiles.Of(serverTimes.SelectMany(l => l));
        Console.WriteLine($"| {connections} | {all.Count / clock.Elapsed.TotalSeconds:N0} | {all.P50:F2} | {all.P95:F2} | {all.P99:F2} | {server.P50:F2} | {server.P99:F2} | {errors} |");
    }

    private static string SearchUrl(BenchQuery query)
    {
        var q = query.Class switch
        {
            QueryClass.Phrase => $"\"{query.First} {query.Second}\"",
            QueryClass.TwoTermAnd => $"{query.First} {query.Second}",
            _ => query.First,
        };
        return $"/search?q={Uri.EscapeDataString(q)}" + (query.Region is null ? "" : $"&region={Uri.EscapeDataString(query.Region)}");
    }

    private static async Task WaitUntilReady(HttpClient client)
    {
        for (var i = 0; i < 6000; i++)
        {
            using var health = JsonDocument.Parse(await client.GetStringAsync("/health"));
            if (health.RootElement.GetProperty("status").GetString() == "ready")
                return;
            await Task.Delay(100);
        }
        throw new TimeoutException("The service did not become ready.");
    }

    private static ServerProcess StartServer(string corpus, string index) =>
        new(RepositoryFile("src/SearchService.Api/bin/Release/net10.0/SearchService.Api.dll"),
            ["--urls", "http://127.0.0.1:0", $"--Search:CorpusPath={corpus}", $"--Search:IndexPath={index}", "--Search:SearchRequestsPerSecond=0", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information"]);

    private static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SearchService.sln")))
            {
                var path = Path.Combine(dir.FullName, relative);
                return File.Exists(path) ? path : throw new FileNotFoundException("Build the API first: dotnet build src/SearchService.Api -c Release", path);
            }
        }
        throw new DirectoryNotFoundException("SearchService.sln not found above the benchmark program.");
    }

    /// <summary>The service as a child process; the address comes from Kestrel's start-up line.</summary>
    private sealed partial class ServerProcess : IDisposable
    {
        private readonly Process process;
        private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ServerProcess(string assembly, IEnumerable<string> arguments)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(assembly);
            foreach (var argument in arguments)
                start.ArgumentList.Add(argument);
            process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is { } line && ListeningOn().Match(line) is { Success: true } match)
                    listening.TrySetResult(new Uri(match.Groups[1].Value));
            };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Task<Uri> Address => listening.Task.WaitAsync(TimeSpan.FromMinutes(2));

        [GeneratedRegex(@"Now listening on: (http://\S+)")]
        private static partial Regex ListeningOn();

        public void Dispose()
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            process.Dispose();
        }
    }
}
