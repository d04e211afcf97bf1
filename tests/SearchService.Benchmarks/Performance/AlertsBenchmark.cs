using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Alerts;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

using static SearchService.Benchmarks.Performance.CommandArguments;

namespace SearchService.Benchmarks.Performance;

/// <summary>
/// What saved alerts cost a corpus pass: the Reuters pass into a new index with the percolator watching, with no alerts
/// and with <c>--alerts</c> of them (drawn like the query benchmark's set: middling words, word pairs, phrases, a word
/// with a region), runs alternated, <c>--runs</c> of each. It prints each run's corpus pass (read, extract, index,
/// searchable: seconds, paragraphs a second, and the process's CPU seconds over it), when matching had caught up, how
/// many alert queries ran after the presearcher, and the delay from a paragraph becoming searchable to its notices
/// being handed to delivery (percentiles over paragraphs), with the load average before and after; then what the
/// alerts cost the pass, as each run's ratio to the run without alerts just before it. An unmeasured pass (run 0) warms up
/// first. <c>--alert-set rare</c> draws alerts that hit rarely instead (<see cref="RareAlerts"/>); <c>--webhooks</c> gives
/// every alert a webhook (<see cref="WebhookCounter"/>) and waits after each pass until every notice is delivered.
/// </summary>
public static class AlertsBenchmark
{
    public static int Run(IReadOnlyList<string> args)
    {
        var webhooks = args.Contains("--webhooks");
        var options = BenchmarkOptions.Parse(Without(args.Where(a => a != "--webhooks").ToList(), "--alerts", "--runs", "--alert-set"));
        var count = Value(args, "--alerts", 10_000);
        var runs = Value(args, "--runs", 3);
        var articles = BenchmarkCorpus.Load(options.CorpusFile, options.LimitArticles, 1);
        var extractor = NewsFacetExtractor.Load();
        var rare = args.ToList().IndexOf("--alert-set") is var at && at >= 0 && at + 1 < args.Count && args[at + 1] == "rare";
        var alerts = rare
            ? RareAlerts.Draw(BenchmarkCorpus.Load(options.CorpusFile, null, 1), count, options.Seed)
            : Alerts(articles, articles.Take(2000).Select(extractor.Extract).ToList(), count, options.Seed);
        using var receiver = webhooks ? new WebhookCounter() : null;
        if (receiver is not null)
            alerts = alerts.Select(a => a with { Webhook = receiver.Url }).ToList();
        var work = Directory.CreateTempSubdirectory("alerts-benchmark-");
        var corpus = Directory.CreateDirectory(Path.Combine(work.FullName, "corpus")).FullName;
        BenchmarkCorpus.Write(articles, Path.Combine(corpus, "reuters.jsonl"));
        Console.WriteLine($"Articles: {articles.Count:N0}; alerts: {count:N0}{(rare ? " rare (phrases and names)" : "")}{(webhooks ? ", each with a webhook" : "")} ({alerts.Count(a => a.Query.Q.StartsWith('"'))} phrases, " +
                          $"{alerts.Count(a => a.Query.Region is not null)} with a region); {runs} runs of each, alternated");
        // The first pass in a process also pays for compiling and warming up the code (it ran at half the speed of the
        // next): run 0, unmeasured, so that the passes without alerts do not carry it.
        Pass(Path.Combine(work.FullName, "index-warm-up"), corpus, [], extractor, 0, receiver);
        var results = new Dictionary<int, List<PassResult>> { [0] = [], [count] = [] };
        for (var run = 1; run <= runs; run++)
        {
            foreach (var saved in new[] { 0, count })
                results[saved].Add(Pass(Path.Combine(work.FullName, $"index-{run}-{saved}"), corpus, saved == 0 ? [] : alerts, extractor, run, receiver));
        }
        foreach (var (saved, passes) in results)
            Console.WriteLine($"{saved:N0} alerts: corpus pass {Summary(passes, p => p.Seconds)}; {Summary(passes, p => p.ParagraphsPerSecond, "paragraphs/s")}; " +
                              $"CPU {Summary(passes, p => p.CpuSeconds)}");
        var matched = results[count];
        Console.WriteLine($"{count:N0} alerts: caught up after the pass {Summary(matched, p => p.CaughtUpSeconds)}; delay p50 {Summary(matched, p => p.Delay50)}, " +
                          $"p99 {Summary(matched, p => p.Delay99)}, max {Summary(matched, p => p.DelayMax)}");
        var pairs = results[0].Zip(results[count]).ToList();
        Console.WriteLine($"With {count:N0} alerts, per run against the run without just before it: paragraphs/s " +
                          $"{Ratios(pairs.Select(p => p.Second.ParagraphsPerSecond / p.First.ParagraphsPerSecond))}; pass CPU seconds " +
                          $"{Ratios(pairs.Select(p => p.Second.CpuSeconds / p.First.CpuSeconds))}");
        work.Delete(recursive: true);
        return 0;
    }

    private static PassResult Pass(string indexPath, string corpus, IReadOnlyList<Alert> alerts, IFacetExtractor extractor, int run, WebhookCounter? receiver)
    {
        Directory.CreateDirectory(indexPath);
        File.WriteAllText(Path.Combine(indexPath, AlertStore.FileName), JsonSerializer.Serialize(alerts, JsonSerializerOptions.Web));
        using var index = new SearchIndex(indexPath, NullLogger<SearchIndex>.Instance, SearcherSetup.Create(SearchIndex.DefaultQueryBudget));
        var store = new AlertStore(indexPath);
        var matcher = new AlertMatcher(index.Analyzer);
        var lookup = new ArticleLookup(index);
        using var webhooks = new WebhookSender(indexPath, NullLogger<WebhookSender>.Instance, WebhookHosts.Parse([WebhookCounter.Address]));
        var events = new AlertEventStream();
        using var percolator = new AlertPercolator(store,
            new AlertQueryCompiler(index.Analyzer, Synonyms.Load(), QueryCostLimits.Default, () => null), matcher, events, webhooks,
            id => lookup.Find(id) is { } view
                ? Reread(view, extractor)
                : null,
            NullLogger<AlertPercolator>.Instance);
        var delays = new List<(TimeSpan Delay, int Paragraphs)>();
        percolator.Matched += (paragraphs, delay) =>
        {
            lock (delays)
                delays.Add((delay, paragraphs));
        };
        var loadBefore = LoadAverage();
        var compile = Stopwatch.StartNew();
        percolator.Start(index.Searchable);
        var compiled = compile.Elapsed;
        var indexer = new CorpusIndexer(index, extractor, new IndexingStatus(), NullLogger<CorpusIndexer>.Instance);
        var process = Process.GetCurrentProcess();
        var postedBefore = receiver?.Received ?? 0;
        var (pausedBefore, fullBefore) = (GC.GetTotalPauseDuration(), GC.CollectionCount(2));
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var pass = indexer.Synchronize(new CorpusFolder(corpus), null, CancellationToken.None);
        var passEnd = clock.Elapsed;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        while (percolator.Pending > 0)
            Thread.Sleep(10);
        var caughtUp = (clock.Elapsed - passEnd).TotalSeconds;
        // Every notice handed over is in the outbox until delivered.
        while (receiver is not null && Directory.EnumerateFiles(Path.Combine(indexPath, WebhookSender.OutboxFolderName)).Any())
            Thread.Sleep(10);
        var notices = (receiver?.Received ?? 0) - postedBefore;
        // The delivery thread stops with every other during a collection: a heap holding every alert's kept events makes them long.
        var gc = $"GC paused all threads {(GC.GetTotalPauseDuration() - pausedBefore).TotalSeconds:F1} s ({GC.CollectionCount(2) - fullBefore} full collections), " +
                 $"heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1e6:N0} MB";
        var delivered = (clock.Elapsed - passEnd).TotalSeconds;
        List<(TimeSpan Delay, int Paragraphs)> handedOver;
        lock (delays)
            handedOver = [.. delays];
        var result = new PassResult(pass.Elapsed.TotalSeconds, pass.ParagraphsPerSecond, cpu, caughtUp,
            Percentile(handedOver, 0.5), Percentile(handedOver, 0.99), Percentile(handedOver, 1));
        Console.WriteLine($"run {run}, {alerts.Count:N0} alerts: corpus pass {pass.Elapsed.TotalSeconds:F1} s ({pass.Paragraphs:N0} paragraphs, " +
                          $"{pass.ParagraphsPerSecond:N0}/s, {cpu:F1} CPU s); matching caught up {caughtUp:F1} s after it; " +
                          $"{matcher.QueriesRun:N0} alert queries run ({(double)matcher.QueriesRun / Math.Max(1, pass.Paragraphs):F2} a paragraph); " +
                          $"{matcher.HitsFound:N0} hits ({(double)matcher.HitsFound / Math.Max(1, pass.Paragraphs):F1} a paragraph); " +
                          $"delay from searchable to delivered p50 {result.Delay50:F2} s, p99 {result.Delay99:F2} s, max {result.DelayMax:F2} s " +
                          $"over {handedOver.Sum(d => d.Paragraphs):N0} paragraphs; " +
                          (receiver is null ? "" : $"{notices:N0} webhook notices delivered {delivered:F1} s after the pass; ") +
                          $"refreshes held back {percolator.RefreshesHeldBack.TotalSeconds:F1} s, writers {percolator.WritersHeldBack.TotalSeconds:F1} s (summed over threads); " +
                          $"alerts compiled in {compiled.TotalSeconds:F1} s; {gc}; matching time: {matcher.Times}; load average {loadBefore} then {LoadAverage()}");
        return result;
    }

    /// <summary>What one pass measured, in seconds.</summary>
    private sealed record PassResult(
        double Seconds, double ParagraphsPerSecond, double CpuSeconds, double CaughtUpSeconds, double Delay50, double Delay99, double DelayMax);

    /// <summary>The delay below which <paramref name="share"/> of the paragraphs were handed to delivery.</summary>
    private static double Percentile(List<(TimeSpan Delay, int Paragraphs)> delays, double share)
    {
        var total = delays.Sum(d => d.Paragraphs);
        var seen = 0;
        foreach (var (delay, paragraphs) in delays.OrderBy(d => d.Delay))
        {
            seen += paragraphs;
            if (seen >= share * total)
                return delay.TotalSeconds;
        }
        return 0;
    }

    private static string Summary(List<PassResult> passes, Func<PassResult, double> value, string unit = "s") =>
        $"median {Median(passes.Select(value)):F2} {unit} (range {passes.Min(value):F2}–{passes.Max(value):F2} {unit})";

    private static string Ratios(IEnumerable<double> ratios)
    {
        var each = ratios.ToList();
        return $"{string.Join(", ", each.Select(r => $"{r:F2}x"))} (median {Median(each):F2}x)";
    }

    private static SearchableArticle Reread(ArticleView view, IFacetExtractor extractor)
    {
        var article = new Article(view.Id, view.Title, view.Paragraphs.Select(p => p.Text).ToList(), view.Date, view.Byline, view.Dateline, view.Source);
        return new SearchableArticle(article, extractor.Extract(article));
    }

    /// <summary>Alerts like the query benchmark's queries, in its four classes in turn.</summary>
    internal static List<Alert> Alerts(IReadOnlyList<Article> articles, IReadOnlyList<ArticleFacets> facets, int count, int seed)
    {
        var created = DateTimeOffset.UtcNow;
        return QuerySet.Create(articles, facets, (count + 3) / 4, seed).Take(count).Select((query, n) => new Alert(
            $"a{n:D12}", created,
            new SavedQuery(query.Class switch
            {
                QueryClass.Phrase => $"\"{query.First} {query.Second}\"",
                QueryClass.TwoTermAnd => $"{query.First} {query.Second}",
                _ => query.First,
            }, Region: query.Region is null ? null : [query.Region]), null)).ToList();
    }
}
