using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using static SearchService.Benchmarks.Performance.CommandArguments;

namespace SearchService.Benchmarks.Performance;

/// <summary>
/// What a page costs at depth, by <c>page</c> and by cursor (<c>after</c>): over the Reuters articles indexed once, for
/// a word by relevance (<c>q=said</c>) and every paragraph newest first, it times the first page, the deepest page that
/// <c>page</c> may reach (page × pageSize ≤ 10,000), the same page by cursor, and the last page of all by cursor, each
/// <c>--repeats</c> times in turn (so the four share the machine's noise), and prints each one's median time and bytes
/// allocated; then, over <c>--runs</c> runs, each one's ratio to the first page, as the median and range. A deep page
/// by cursor must find the same hits as by <c>page</c>, or the command fails.
/// </summary>
public static class PagingBenchmark
{
    private sealed record Walk(string Name, SearchRequest First, long Total, int DeepPage, string DeepCursor, int LastPage, string LastCursor);

    private sealed record Cost(double Milliseconds, double Kilobytes);

    private const int MaxHitsByPage = 10_000;

    public static int Run(IReadOnlyList<string> args)
    {
        var options = BenchmarkOptions.Parse(Without(args, "--page-size", "--repeats", "--runs"));
        var pageSize = Value(args, "--page-size", 100);
        var repeats = Value(args, "--repeats", 21);
        var runs = Value(args, "--runs", 3);
        var articles = BenchmarkCorpus.Load(options.CorpusFile, options.LimitArticles, options.Scale);
        var work = Directory.CreateTempSubdirectory("paging-benchmark-");
        try
        {
            var corpus = Directory.CreateDirectory(Path.Combine(work.FullName, "corpus")).FullName;
            BenchmarkCorpus.Write(articles, Path.Combine(corpus, "reuters.jsonl"));
            using var index = new SearchIndex(Path.Combine(work.FullName, "index"), NullLogger<SearchIndex>.Instance, SearcherSetup.Create(SearchIndex.DefaultQueryBudget));
            var pass = new CorpusIndexer(index, NewsFacetExtractor.Load(), new IndexingStatus(), NullLogger<CorpusIndexer>.Instance)
                .Synchronize(new CorpusFolder(corpus), null, CancellationToken.None);
            using var points = new PointsInTime(index);
            var paging = new CursorPaging(new ParagraphSearcher(index), points, new CursorCodec());
            var walks = new[]
            {
                WalkOf(paging, "q=said, by relevance", new SearchRequest("said", PageSize: pageSize)),
                WalkOf(paging, "every paragraph, newest first", new SearchRequest(null, PageSize: pageSize, Order: ResultOrder.Date)),
            };
            Console.WriteLine($"{articles.Count:N0} articles, {pass.Paragraphs:N0} paragraphs; pages of {pageSize}; medians of {repeats}; {runs} runs; load average {LoadAverage()}");
            var ratios = walks.ToDictionary(w => w, _ => new List<(double Deep, double DeepAfter, double LastAfter)>());
            for (var run = 1; run <= runs; run++)
            {
                foreach (var walk in walks)
                {
                    var (first, deep, deepAfter, lastAfter) = Measure(paging, walk, repeats);
                    Console.WriteLine($"run {run}, {walk.Name} ({walk.Total:N0} hits): page 1 {Shown(first)}; page={walk.DeepPage} {Shown(deep)}; " +
                                      $"the same page by after {Shown(deepAfter)}; the last page ({walk.LastPage}) by after {Shown(lastAfter)}");
                    ratios[walk].Add((deep.Milliseconds / first.Milliseconds, deepAfter.Milliseconds / first.Milliseconds, lastAfter.Milliseconds / first.Milliseconds));
                }
            }
            foreach (var (walk, each) in ratios)
                Console.WriteLine($"{walk.Name}, time against page 1: page={walk.DeepPage} {Summary(each.Select(r => r.Deep))}; " +
                                  $"by after {Summary(each.Select(r => r.DeepAfter))}; the last page by after {Summary(each.Select(r => r.LastAfter))}");
            Console.WriteLine($"load average {LoadAverage()}");
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Walks every page by cursor once, keeping the cursors of the deepest page <c>page</c> reaches and of the last.</summary>
    private static Walk WalkOf(CursorPaging paging, string name, SearchRequest first)
    {
        var answer = paging.Search(first);
        var lastPage = (int)Math.Max(1, (answer.Total + first.PageSize - 1) / first.PageSize);
        var deepPage = Math.Min(lastPage, MaxHitsByPage / first.PageSize);
        var (deepCursor, lastCursor) = ("", "");
        for (var page = 2; answer.Next is { } next; page++)
        {
            if (page == deepPage)
                deepCursor = next;
            if (page == lastPage)
                lastCursor = next;
            answer = paging.Search(first with { After = next });
        }
        var walk = new Walk(name, first, answer.Total, deepPage, deepCursor, lastPage, lastCursor);
        var byPage = paging.Search(first with { Page = deepPage }).Hits.Select(h => h.Id);
        var byAfter = paging.Search(first with { After = deepCursor }).Hits.Select(h => h.Id);
        return byPage.SequenceEqual(byAfter)
            ? walk
            : throw new InvalidOperationException($"{name}: page {deepPage} by page and by after hold different hits.");
    }

    private static (Cost First, Cost Deep, Cost DeepAfter, Cost LastAfter) Measure(CursorPaging paging, Walk walk, int repeats)
    {
        var requests = new[]
        {
            walk.First, walk.First with { Page = walk.DeepPage }, walk.First with { After = walk.DeepCursor }, walk.First with { After = walk.LastCursor },
        };
        var costs = requests.Select(_ => new List<Cost>()).ToArray();
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            for (var i = 0; i < requests.Length; i++)
                costs[i].Add(Timed(paging, requests[i]));
        }
        var medians = costs.Select(c => new Cost(Median(c.Select(x => x.Milliseconds)), Median(c.Select(x => x.Kilobytes)))).ToArray();
        return (medians[0], medians[1], medians[2], medians[3]);
    }

    private static Cost Timed(CursorPaging paging, SearchRequest request)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        paging.Search(request);
        return new Cost(clock.Elapsed.TotalMilliseconds, (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0);
    }

    private static string Shown(Cost cost) => $"{cost.Milliseconds:F2} ms, {cost.Kilobytes:N0} KB";

    private static string Summary(IEnumerable<double> ratios)
    {
        var each = ratios.ToList();
        return $"{Median(each):F2}x ({each.Min():F2}–{each.Max():F2}x)";
    }
}
