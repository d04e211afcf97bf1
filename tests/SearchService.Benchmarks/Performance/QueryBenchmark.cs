using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using SearchService.Benchmarks.Performance.Engines;
using SearchService.Benchmarks.Performance;
using SearchService.Core.Facets;
using SearchService.Core.Searching;

namespace SearchService.Benchmarks.Performance;

/// <summary>
/// The `query` command: builds SearchService, a plain Lucene.Net baseline and SQLite FTS5 over the same paragraphs,
/// each in a process of its own (<see cref="EngineProcess"/>; Apache Lucene in a Java process), runs the same seeded queries through each, and
/// prints build time, index size, latency percentiles per query class and the ratios of SearchService to each of the others.
/// </summary>
public sealed class QueryBenchmark(BenchmarkOptions options)
{
    /// <summary>The engines written in .NET, by short name, in the order they run, each in a process of its own.</summary>
    private static readonly string[] DotNetEngines = ["searchservice", "searchservice-articles", "searchservice-semantic", "lucene", "sqlite"];

    /// <returns>0, or 1 when no engine ran (each one asked for was skipped, saying why).</returns>
    public int Run()
    {
        if (options.RunEngine is { } engine)
            return RunHere(engine);
        var results = Measure();
        if (results.Count == 0)
        {
            Console.Error.WriteLine("No engine ran: each one asked for was skipped (above).");
            return 1;
        }
        Print(results);
        return 0;
    }

    /// <summary>Builds and queries every engine; the results, one per engine, SearchService first.</summary>
    public IReadOnlyList<EngineResult> Measure()
    {
        var work = Directory.CreateTempSubdirectory("searchservice-bench-");
        try
        {
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
            var (articles, facets) = Corpus(options);
            var paragraphs = articles.Sum(a => a.Paragraphs.Count);
            Console.WriteLine($"Corpus: {articles.Count:N0} articles, {paragraphs:N0} paragraphs (scale {options.Scale}x)");
            var queries = QuerySet.Create(articles, facets, options.QueriesPerClass, options.Seed);
            var questions = QuerySet.Questions(articles, options.Questions ?? BenchmarkOptions.DefaultQuestions, options.Seed);
            Console.WriteLine($"Queries: {queries.Count} ({options.QueriesPerClass} per class, seed {options.Seed}); {options.WarmupPasses} warm-up passes, {options.MeasuredPasses} measured; " +
                              $"then {questions.Count} questions, measured apart (as many warm-up passes)");

            var runs = DotNetEngines.Where(options.Engines.Contains).Select(key => EngineProcess.Run(options, key, work.FullName)).ToList();
            // Apache Lucene in Java runs in a process of its own, its warm-up build and passes included; null, with a line saying why, where Java or Lucene is missing.
            if (options.Engines.Contains("java") &&
                new JavaLuceneEngine(work.FullName).Run(articles, facets, queries, questions, options.WarmupPasses, options.MeasuredPasses,
                    warmupParagraphs: articles.Take(options.BuildWarmup).Sum(a => a.Paragraphs.Count)) is { } java)
                runs.Add(java);
            PrintAgreement(runs, queries, questions);
            return runs.Select(run => Summarize(run, queries, questions)).ToList();
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A process of its own for one engine (<see cref="EngineProcess"/>): the warm-up build, then the timed build and
    /// the passes; what it measured goes to <see cref="BenchmarkOptions.RunFile"/>.
    /// </summary>
    private int RunHere(string key)
    {
        var work = Directory.CreateTempSubdirectory("searchservice-bench-engine-");
        try
        {
            var (articles, facets) = Corpus(options);
            var corpusFile = Path.Combine(work.FullName, "corpus.jsonl");
            BenchmarkCorpus.Write(articles, corpusFile);
            var queries = QuerySet.Create(articles, facets, options.QueriesPerClass, options.Seed);
            var questions = QuerySet.Questions(articles, options.Questions ?? BenchmarkOptions.DefaultQuestions, options.Seed);
            var warmup = Math.Min(options.BuildWarmup, articles.Count);
            if (warmup > 0)
                WarmUpBuild(key, articles.Take(warmup).ToList(), facets.Take(warmup).ToList(), Directory.CreateDirectory(Path.Combine(work.FullName, "warm-up")).FullName);
            var run = Measure(CreateEngine(key, work.FullName, options, options.AnswersFile), corpusFile, articles, facets, queries, questions,
                warmup > 0 ? $" after a warm-up build of the first {warmup:N0} articles" : " cold");
            EngineProcess.Write(run, options.RunFile ?? throw new ArgumentException("--run-engine needs --run-file"));
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>The corpus every engine builds from, with each article's facets.</summary>
    private static (IReadOnlyList<Core.Corpus.Article> Articles, IReadOnlyList<ArticleFacets> Facets) Corpus(BenchmarkOptions options)
    {
        var articles = BenchmarkCorpus.Load(options.CorpusFile, options.LimitArticles, options.Scale, options.PublisherFields);
        var extractor = NewsFacetExtractor.Load();
        return (articles, articles.AsParallel().AsOrdered().Select(extractor.Extract).ToList());
    }

    /// <summary>An engine by its short name, its index in <paramref name="folder"/>.</summary>
    private static ISearchEngine CreateEngine(string key, string folder, BenchmarkOptions options, string? answersFile) => key switch
    {
        "searchservice" => new OurEngine(folder, statements: options.Statements, speakerIdentities: options.SpeakerIdentities,
            answersFile: answersFile, indexThreads: options.IndexThreads),
        "searchservice-articles" => new OurEngine(folder, ResultUnit.Article),
        "searchservice-semantic" => new OurEngine(folder, semantic: true),
        "lucene" => new PlainLuceneEngine(folder),
        "sqlite" => new SqliteFts5Engine(folder),
        _ => throw new ArgumentException($"No engine '{key}' runs in a .NET process", nameof(key)),
    };

    /// <summary>
    /// A throwaway build of the first articles, so that the timed build runs the indexing code compiled and optimised as
    /// every other engine's does; then waits for the JIT's optimised recompilations it set off to finish.
    /// </summary>
    private void WarmUpBuild(string key, IReadOnlyList<Core.Corpus.Article> articles, IReadOnlyList<ArticleFacets> facets, string folder)
    {
        var corpusFile = Path.Combine(folder, "corpus.jsonl");
        BenchmarkCorpus.Write(articles, corpusFile);
        Quietly(() =>
        {
            using var warm = CreateEngine(key, folder, options, answersFile: null);
            warm.Build(corpusFile, articles, facets);
        });
        var settling = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        while (settling.Elapsed < TimeSpan.FromSeconds(10))
        {
            Thread.Sleep(250);
            var before = compiled;
            compiled = JitInfo.GetCompiledMethodCount();
            if (compiled == before)
                break;
        }
    }

    /// <summary>Runs <paramref name="action"/> with the console's output thrown away: an engine's lines about a build not timed.</summary>
    private static void Quietly(Action action)
    {
        var output = Console.Out;
        Console.SetOut(TextWriter.Null);
        try
        {
            action();
        }
        finally
        {
            Console.SetOut(output);
        }
    }

    /// <summary>Builds the engine, timed, then runs the passes over the queries and the questions.</summary>
    private EngineRun Measure(ISearchEngine engine, string corpusFile, IReadOnlyList<Core.Corpus.Article> articles,
        IReadOnlyList<ArticleFacets> facets, IReadOnlyList<BenchQuery> queries, IReadOnlyList<BenchQuery> questions, string warmedHow)
    {
        using (engine)
        {
            GC.GetTotalMemory(forceFullCollection: true);
            using var self = Process.GetCurrentProcess();
            // The peak is this engine's only once started over; the process also holds the corpus the engine reads.
            var peakIsThisEngines = ResidentMemory.ResetPeak();
            var residentBefore = ResidentMemory.Current(self);
            var cpuBefore = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            engine.Build(corpusFile, articles, facets);
            var build = clock.Elapsed;
            self.Refresh();
            var buildCpu = self.TotalProcessorTime - cpuBefore;
            Console.WriteLine($"{engine.Name}: built in {build.TotalSeconds:F2} s ({articles.Sum(a => a.Paragraphs.Count) / build.TotalSeconds:N0} paragraphs/s) " +
                              $"and {buildCpu.TotalSeconds:F2} s of CPU, in a process of its own{warmedHow}");

            var firstPass = Pass(engine, queries);
            for (var i = 1; i < options.WarmupPasses; i++)
                Pass(engine, queries);
            // CPU time per query is the steadier figure on a shared machine: other processes stretch wall time, not it.
            // Allocation per query is what drives the garbage collector's pauses, which show in the slowest queries.
            cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var collectionsBefore = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
            var pausedBefore = GC.GetTotalPauseDuration();
            var passes = Enumerable.Range(0, options.MeasuredPasses).Select(_ => Pass(engine, queries)).ToList();
            // Collections and pauses over the measured passes: the part of the CPU per query that the collector spends.
            Console.WriteLine($"{engine.Name}: measured passes collected gen0/1/2 " +
                              string.Join("/", Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g])) +
                              $" times, paused {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:F0} ms");
            var cpuPerQuery = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / passes.Sum(p => p.Count);
            var allocatedPerQuery = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)passes.Sum(p => p.Count);
            // Questions take far longer than the other classes; kept out of "all" and the CPU figure, as the issue's anchors are.
            // Warmed as the queries are: with one pass, the re-scoring code was still being recompiled while measured.
            for (var i = 0; i < options.WarmupPasses; i++)
                Pass(engine, questions);
            cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var questionPasses = Enumerable.Range(0, options.MeasuredPasses).Select(_ => Pass(engine, questions)).ToList();
            var questionCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / Math.Max(1, questionPasses.Sum(p => p.Count));
            var peakResident = ResidentMemory.Peak(self);
            return new EngineRun(engine.Name, build, buildCpu, engine.IndexBytes, peakResident, peakIsThisEngines ? peakResident - residentBefore : null,
                cpuPerQuery, questionCpu, allocatedPerQuery, firstPass, passes, questionPasses);
        }
    }

    private EngineResult Summarize(EngineRun run, IReadOnlyList<BenchQuery> queries, IReadOnlyList<BenchQuery> questions)
    {
        PrintSlowest(run.Name, queries, run.Passes);
        PrintSlowest(run.Name, questions, run.QuestionPasses);
        var measured = run.Passes.Concat(run.QuestionPasses).SelectMany(pass => pass).ToList();
        return new EngineResult(run.Name, run.Build, run.BuildCpu, run.IndexBytes, run.PeakResidentBytes, run.PeakRiseBytes,
            run.CpuPerQuery, run.QuestionCpuPerQuery, run.AllocatedPerQuery,
            Percentiles.Of(run.FirstPass.Select(t => t.Milliseconds)),
            Enum.GetValues<QueryClass>().Where(c => measured.Any(t => t.Class == c))
                .ToDictionary(c => c, c => Percentiles.Of(measured.Where(t => t.Class == c).Select(t => t.Milliseconds))),
            Percentiles.Of(measured.Where(t => t.Class != QueryClass.Question).Select(t => t.Milliseconds)),
            run.FirstPass.Sum(t => t.Answer.Hits));
    }

    /// <summary>
    /// Apache Lucene and Lucene.Net index the same paragraphs with the same analysis and parse the same queries: their
    /// totals must agree, query by query (their scores may not, in the last digits, nor their snippets).
    /// </summary>
    private static void PrintAgreement(IReadOnlyList<EngineRun> runs, IReadOnlyList<BenchQuery> queries, IReadOnlyList<BenchQuery> questions)
    {
        if (runs.FirstOrDefault(r => r.Name == PlainLuceneEngine.EngineName) is not { } plain || runs.FirstOrDefault(r => r.Name == JavaLuceneEngine.EngineName) is not { } java)
            return;
        var pairs = queries.Zip(plain.FirstPass, java.FirstPass)
            .Concat(questions.Zip(plain.QuestionPasses[0], java.QuestionPasses[0]))
            .ToList();
        var differing = pairs.Where(p => p.Second.Answer.Total != p.Third.Answer.Total).ToList();
        Console.WriteLine($"Totals: {java.Name} and {plain.Name} agree on {pairs.Count - differing.Count} of {pairs.Count} queries and questions");
        foreach (var (query, ours, theirs) in differing.Take(5))
            Console.WriteLine($"  {query.Class} {query.First} {query.Second} {query.Region}: {ours.Answer.Total} against {theirs.Answer.Total}");
    }

    private static List<QueryTiming> Pass(ISearchEngine engine, IReadOnlyList<BenchQuery> queries)
    {
        var timings = new List<QueryTiming>(queries.Count);
        foreach (var query in queries)
        {
            var start = Stopwatch.GetTimestamp();
            var answer = engine.Run(query);
            timings.Add(new QueryTiming(query.Class, Stopwatch.GetElapsedTime(start).TotalMilliseconds, answer));
        }
        return timings;
    }

    /// <summary>
    /// The queries slowest at the median over the measured passes: one that is slow in every pass costs what it costs; a
    /// tail made of different queries in each pass is the machine's (or the garbage collector's).
    /// </summary>
    private void PrintSlowest(string engine, IReadOnlyList<BenchQuery> queries, IReadOnlyList<IReadOnlyList<QueryTiming>> passes)
    {
        if (options.Slowest <= 0)
            return;
        var slowest = queries
            .Select((query, i) => (query, times: passes.Select(pass => pass[i].Milliseconds).Order().ToList(), hits: passes[0][i].Answer.Hits))
            .OrderByDescending(q => q.times[q.times.Count / 2])
            .Take(options.Slowest);
        Console.WriteLine($"{engine}: slowest {options.Slowest} queries (median over {passes.Count} passes; every pass)");
        foreach (var (query, times, hits) in slowest)
            Console.WriteLine($"  {times[times.Count / 2],8:F3} ms  [{string.Join(", ", times.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))}]  " +
                              $"{query.Class} {query.First} {query.Second} {query.Region} ({hits} hits)");
    }

    private static void Print(IReadOnlyList<EngineResult> results)
    {
        static string F(double value) => value.ToString(value < 10 ? "F3" : "F1", CultureInfo.InvariantCulture);
        Console.WriteLine();
        Console.WriteLine("| engine | build (s) / its CPU (s) | index (MB) | peak resident (MB) / rise (MB) | first pass p50 | all p50 / p95 / p99 (ms) | CPU per query (ms) | CPU per question (ms) | allocated per query (KB) | " +
                          string.Join(" | ", results[0].ByClass.Keys.Select(c => $"{c} p50 / p99")) + " |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | " + string.Join(" | ", results[0].ByClass.Keys.Select(_ => "---")) + " |");
        foreach (var r in results)
        {
            Console.WriteLine($"| {r.Name} | {r.Build.TotalSeconds:F2} / {r.BuildCpu.TotalSeconds:F2} | {r.IndexBytes / 1048576.0:F1} | {r.PeakResidentBytes / 1048576.0:F0} / {(r.PeakRiseBytes is { } rise ? (rise / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) : "n/a")} | {F(r.FirstPass.P50)} | " +
                              $"{F(r.All.P50)} / {F(r.All.P95)} / {F(r.All.P99)} | {F(r.CpuPerQuery)} | {F(r.QuestionCpuPerQuery)} | {r.AllocatedPerQuery / 1024:F0} | " +
                              string.Join(" | ", r.ByClass.Values.Select(p => $"{F(p.P50)} / {F(p.P99)}")) + " |");
        }
        var ours = results.FirstOrDefault(r => r.Name == "SearchService");
        if (ours is null)
            return;
        Console.WriteLine();
        foreach (var other in results.Where(r => r != ours))
        {
            Console.WriteLine($"SearchService / {other.Name}: build time {ours.Build / other.Build:F2}x (its CPU {ours.BuildCpu / other.BuildCpu:F2}x), index size {(double)ours.IndexBytes / other.IndexBytes:F2}x, " +
                              $"p50 {ours.All.P50 / other.All.P50:F2}x, p99 {ours.All.P99 / other.All.P99:F2}x, CPU per query {ours.CpuPerQuery / other.CpuPerQuery:F2}x, CPU per question {ours.QuestionCpuPerQuery / other.QuestionCpuPerQuery:F2}x" +
                              QuestionRatio(ours, other) + " " +
                              "(below 1 = SearchService faster or smaller)");
        }
    }

    private static string QuestionRatio(EngineResult ours, EngineResult other) =>
        ours.ByClass.TryGetValue(QueryClass.Question, out var mine) && other.ByClass.TryGetValue(QueryClass.Question, out var theirs)
            ? $", question p50 {mine.P50 / theirs.P50:F2}x, p99 {mine.P99 / theirs.P99:F2}x"
            : "";

    /// <param name="PeakResidentBytes">The process's peak resident memory while this engine built and answered (since the process started where it cannot be reset).</param>
    /// <param name="PeakRiseBytes">That peak above the resident memory before the engine's build; null where the peak cannot be reset.</param>
    /// <param name="Hits">Hits returned over the first pass, to see that every engine answered.</param>
    /// <param name="CpuPerQuery">Process CPU milliseconds over the measured passes of the four classes, per query.</param>
    /// <param name="QuestionCpuPerQuery">The same over the measured passes of the questions, per question.</param>
    /// <param name="AllocatedPerQuery">Bytes allocated on the managed heap over the measured passes, per query.</param>
    public sealed record EngineResult(string Name, TimeSpan Build, TimeSpan BuildCpu, long IndexBytes, long PeakResidentBytes, long? PeakRiseBytes, double CpuPerQuery, double QuestionCpuPerQuery, double AllocatedPerQuery,
        Percentiles FirstPass,
        Dictionary<QueryClass, Percentiles> ByClass, Percentiles All, long Hits);
}
