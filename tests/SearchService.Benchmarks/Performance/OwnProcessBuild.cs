using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace SearchService.Benchmarks.Performance;

/// <summary>
/// Times one engine's build in a fresh process of the benchmark (`query ... --build-only ENGINE`), after a throwaway
/// build of the first articles (<see cref="BenchmarkOptions.BuildWarmup"/>). The .NET engines share Lucene.Net's
/// indexing code, and in one process whichever built later ran it already compiled and optimised: plain Lucene.Net
/// built the 1x corpus in 3.0 s on its own and in 1.8 s after SearchService, so the build ratios depended on the
/// order the engines ran in. Each in a process of its own, with the same warm-up, they do not.
/// </summary>
public static class OwnProcessBuild
{
    private const string BuildLine = "build-seconds";

    /// <summary>The parent's side: runs the child for <paramref name="engine"/>, passes its lines on and returns its build's time and CPU time.</summary>
    public static (TimeSpan Wall, TimeSpan Cpu) Time(BenchmarkOptions options, string engine)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        foreach (var argument in new[] { typeof(OwnProcessBuild).Assembly.Location, "query" }.Concat(options.Arguments ?? []).Concat(["--build-only", engine]))
            start.ArgumentList.Add(argument);
        using var child = Process.Start(start)!;
        (TimeSpan, TimeSpan)? build = null;
        while (child.StandardOutput.ReadLine() is { } line)
        {
            if (line.Split(' ') is [BuildLine, var wall, var cpu])
                build = (Seconds(wall), Seconds(cpu));
            else
                Console.WriteLine(line);
        }
        child.WaitForExit();
        return child.ExitCode == 0 && build is { } figures
            ? figures
            : throw new InvalidOperationException($"The build of {engine} in a process of its own failed (exit code {child.ExitCode}); its error output is above");
    }

    /// <summary>The child's side: the warm-up build, then the timed one, its time on the last line for the parent.</summary>
    public static int Run(BenchmarkOptions options, string engine)
    {
        var work = Directory.CreateTempSubdirectory("searchservice-build-");
        try
        {
            var (articles, facets, corpusFile) = QueryBenchmark.Corpus(options, work.FullName);
            var warmup = Math.Min(options.BuildWarmup, articles.Count);
            if (warmup > 0)
                WarmUp(engine, options, articles.Take(warmup).ToList(), facets.Take(warmup).ToList(), Path.Combine(work.FullName, "warm-up"));
            using var timed = QueryBenchmark.CreateEngine(engine, Directory.CreateDirectory(Path.Combine(work.FullName, "timed")).FullName, options, answersFile: null);
            using var self = Process.GetCurrentProcess();
            var cpuBefore = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            timed.Build(corpusFile, articles, facets);
            var wall = clock.Elapsed;
            self.Refresh();
            Console.WriteLine(string.Join(' ', BuildLine, wall.TotalSeconds.ToString("R", CultureInfo.InvariantCulture),
                (self.TotalProcessorTime - cpuBefore).TotalSeconds.ToString("R", CultureInfo.InvariantCulture)));
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static TimeSpan Seconds(string value) => TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture));

    /// <summary>Runs <paramref name="action"/> with the console's output thrown away: an engine's lines about a build not timed.</summary>
    public static void Quietly(Action action)
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

    /// <summary>Builds a throwaway index of the slice, then waits for the JIT's optimised recompilations it set off to finish.</summary>
    private static void WarmUp(string engine, BenchmarkOptions options, IReadOnlyList<Core.Corpus.Article> articles,
        IReadOnlyList<Core.Facets.ArticleFacets> facets, string folder)
    {
        Directory.CreateDirectory(folder);
        var corpusFile = Path.Combine(folder, "corpus.jsonl");
        BenchmarkCorpus.Write(articles, corpusFile);
        Quietly(() =>
        {
            using var warm = QueryBenchmark.CreateEngine(engine, folder, options, answersFile: null);
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
}
