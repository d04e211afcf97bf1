using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using static SearchService.Benchmarks.Performance.CommandArguments;

namespace SearchService.Benchmarks.Performance;

/// <summary>
/// What <c>GET /export</c> costs a line: every paragraph of the Reuters articles (no query) exported from one index
/// (<see cref="MatchExport"/>) and from the same articles over <c>--shards</c> shards (<see cref="ShardedMatchExport"/>),
/// each <c>--runs</c> times in turn, as milliseconds per 1,000 lines, the median and range. The indexes are written
/// once into <c>--index DIR</c> and reopened by later invocations, so that builds of two versions can be run in turn
/// over the same indexes.
/// </summary>
public static class ExportBenchmark
{
    private const string Ready = "ready";

    // An export page over shards under the load of a shared machine may take longer than the service's 2 s.
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(5);

    public static async Task<int> Run(IReadOnlyList<string> args)
    {
        var options = BenchmarkOptions.Parse(Without(args, "--shards", "--runs", "--index"));
        var shardCount = Value(args, "--shards", 3);
        var runs = Value(args, "--runs", 3);
        var at = args.ToList().IndexOf("--index");
        var folder = at >= 0 && at + 1 < args.Count ? args[at + 1] : throw new ArgumentException("--index DIR is required.");
        if (!File.Exists(Path.Combine(folder, Ready)))
            Build(options, folder, shardCount);
        using var single = Open(Path.Combine(folder, "single"));
        var shards = Enumerable.Range(0, shardCount).Select(i => Open(Path.Combine(folder, $"shard-{i}"))).ToList();
        try
        {
            using var points = new PointsInTime(single);
            var oneNode = new MatchExport(new ParagraphSearcher(single), points);
            var overShards = new ShardedMatchExport(new ShardedSearcher(shards));
            var request = new SearchRequest(null);
            Console.WriteLine($"{shardCount} shards; {runs} runs; load average {LoadAverage()}");
            var (singleCosts, shardedCosts) = (new List<double>(), new List<double>());
            for (var run = 1; run <= runs; run++)
            {
                var clock = Stopwatch.StartNew();
                var lines = oneNode.Export(request).Count();
                singleCosts.Add(clock.Elapsed.TotalMilliseconds * 1000 / lines);
                clock.Restart();
                var sharded = 0;
                await foreach (var _ in await overShards.ExportAsync(request, CancellationToken.None))
                    sharded++;
                shardedCosts.Add(clock.Elapsed.TotalMilliseconds * 1000 / sharded);
                Console.WriteLine($"run {run}: one index {lines:N0} lines, {singleCosts[^1]:F1} ms per 1,000; " +
                                  $"{shardCount} shards {sharded:N0} lines, {shardedCosts[^1]:F1} ms per 1,000; load average {LoadAverage()}");
            }
            Console.WriteLine($"ms per 1,000 lines: one index {Summary(singleCosts)}; {shardCount} shards {Summary(shardedCosts)}");
            return 0;
        }
        finally
        {
            foreach (var shard in shards)
                shard.Dispose();
        }
    }

    private static void Build(BenchmarkOptions options, string folder, int shardCount)
    {
        var articles = BenchmarkCorpus.Load(options.CorpusFile, options.LimitArticles, options.Scale);
        var extractor = NewsFacetExtractor.Load();
        var router = new ShardRouter(shardCount);
        using var single = Open(Path.Combine(folder, "single"));
        var shards = Enumerable.Range(0, shardCount).Select(i => Open(Path.Combine(folder, $"shard-{i}"))).ToList();
        try
        {
            foreach (var article in articles)
            {
                var facets = extractor.Extract(article);
                single.ReplaceArticle(article, facets, null);
                shards[router.ShardOf(article.Id)].ReplaceArticle(article, facets, null);
            }
        }
        finally
        {
            foreach (var shard in shards)
                shard.Dispose();
        }
        File.WriteAllText(Path.Combine(folder, Ready), $"{articles.Count} articles");
        Console.WriteLine($"indexed {articles.Count:N0} articles into {folder}");
    }

    private static SearchIndex Open(string path) => new(path, NullLogger<SearchIndex>.Instance, SearcherSetup.Create(Budget));

    private static string Summary(List<double> each) => $"{Median(each):F1} ({each.Min():F1}–{each.Max():F1})";
}
