using System.Diagnostics;
using SearchService.Benchmarks.Performance;
using SearchService.Cluster.Storage;
using SearchService.Core.Facets;

namespace SearchService.Benchmarks.Store;

/// <summary>
/// <c>store</c>: the cluster's article log (<see cref="PostgresArticleLog"/>) on a scratch database beside the one
/// given: the latency of single puts, each its own commit, then the rate of one bulk put of the first Reuters articles.
/// </summary>
/// <param name="Server">A connection string to the PostgreSQL server (by default SEARCHSERVICE_TEST_POSTGRES's).</param>
public sealed record StoreBenchmark(string Server, string CorpusFile, int SingleWrites, int BulkArticles)
{
    public const int WarmupWrites = 20;

    public static async Task<int> Run(string[] args)
    {
        var benchmark = new StoreBenchmark(Environment.GetEnvironmentVariable("SEARCHSERVICE_TEST_POSTGRES") ?? "", "", 1000, 2000);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--postgres": benchmark = benchmark with { Server = args[i + 1] }; break;
                case "--corpus": benchmark = benchmark with { CorpusFile = args[i + 1] }; break;
                case "--writes": benchmark = benchmark with { SingleWrites = int.Parse(args[i + 1]) }; break;
                case "--articles": benchmark = benchmark with { BulkArticles = int.Parse(args[i + 1]) }; break;
                default: Console.Error.WriteLine($"Unknown option {args[i]}"); return 2;
            }
        }
        if (benchmark.Server.Length == 0)
        {
            Console.Error.WriteLine("No PostgreSQL: give --postgres CONNECTION or set SEARCHSERVICE_TEST_POSTGRES (bash scripts/postgres.sh url DIR PORT prints one).");
            return 2;
        }
        if (benchmark.CorpusFile.Length == 0)
            benchmark = benchmark with { CorpusFile = SharedFolder.Reuters };
        Console.WriteLine(await benchmark.Measure());
        return 0;
    }

    public async Task<StoreResults> Measure()
    {
        var articles = BenchmarkCorpus.Load(CorpusFile, Math.Max(WarmupWrites + SingleWrites, BulkArticles), scale: 1);
        await using var database = await ScratchDatabase.CreateAsync(Server, "searchservice_bench");
        await using var log = await PostgresArticleLog.OpenAsync(new ArticleLogOptions(database.ConnectionString));

        // Under ids of their own, so the bulk put below inserts rather than replaces. Facets are extracted before the
        // clock starts, as the writers do before they call the log: the store is what is measured.
        var extractor = NewsFacetExtractor.Load();
        var singles = articles.Take(WarmupWrites + SingleWrites).Select(a => a with { Id = $"single/{a.Id}" })
            .Select(a => new FacetedArticle(a, extractor.Extract(a))).ToList();
        var latencies = new List<double>(SingleWrites);
        foreach (var (single, i) in singles.Select((single, i) => (single, i)))
        {
            var started = Stopwatch.GetTimestamp();
            await log.PutAsync(single.Article, single.Facets);
            if (i >= WarmupWrites)
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var bulk = articles.Take(BulkArticles).Select(a => new FacetedArticle(a, extractor.Extract(a))).ToList();
        var clock = Stopwatch.StartNew();
        await log.PutManyAsync(bulk);
        return new StoreResults(Percentiles.Of(latencies), bulk.Count, clock.Elapsed, await log.CurrentVersionAsync());
    }
}
