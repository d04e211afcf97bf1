using System.Diagnostics;
using System.Globalization;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;

namespace SearchService.Benchmarks.Performance.Engines;

/// <summary>
/// Apache Lucene 4.10 in Java (Debian's <c>liblucene4.10-java</c>), the peer to beat: <c>Java/LuceneBenchmark.java</c>,
/// compiled with javac at run time, builds the same paragraphs into an index as <see cref="PlainLuceneEngine"/> does
/// (regions precomputed) and answers the same queries the same way, in a process of its own. It runs the passes itself,
/// warm-up first as in this process, so that no call between the processes is timed, and writes its timings and answers
/// back. Where Java or the jars are missing it says so and how to install them, and is left out of the run.
/// </summary>
public sealed class JavaLuceneEngine(string workFolder)
{
    public const string EngineName = "Apache Lucene 4.10 (Java)";

    private const string Install = "apt-get install -y default-jdk-headless liblucene4.10-java";
    private const string JarFolder = "/usr/share/java";
    private static readonly string[] Modules = ["core", "analyzers-common", "queryparser", "highlighter", "memory", "queries"];

    private readonly string folder = Path.Combine(workFolder, "java-lucene");

    /// <summary>Builds and measures, as the benchmark does in its own process; null (with a line saying why) where Java or Lucene is missing.</summary>
    /// <param name="warmupParagraphs">How many of the first paragraphs it builds a throwaway index of before the timed build (0: none).</param>
    public EngineRun? Run(IReadOnlyList<Article> articles, IReadOnlyList<ArticleFacets> facets, IReadOnlyList<BenchQuery> queries,
        IReadOnlyList<BenchQuery> questions, int warmupPasses, int measuredPasses, int warmupParagraphs)
    {
        var jars = Modules.Select(m => Path.Combine(JarFolder, $"lucene-{m}-4.10.4.jar")).ToList();
        var missing = new[] { Tool("javac"), Tool("java") }.Where(t => !File.Exists(t)).Concat(jars.Where(j => !File.Exists(j))).ToList();
        if (missing.Count > 0)
        {
            Console.WriteLine($"{EngineName}: skipped, {string.Join(", ", missing)} not found; install with `{Install}`");
            return null;
        }
        Directory.CreateDirectory(folder);
        var classes = Path.Combine(folder, "classes");
        var classPath = string.Join(':', jars.Prepend(classes));
        Execute(Tool("javac"), ["-nowarn", "-cp", classPath, "-d", classes, Path.Combine(AppContext.BaseDirectory, "Java", "LuceneBenchmark.java")]);

        var paragraphs = Path.Combine(folder, "paragraphs.tsv");
        File.WriteAllLines(paragraphs, articles.SelectMany((article, a) => article.Paragraphs.Select((text, p) =>
            Row($"{article.Id}#{p + 1}", article.Title, text, string.Join('\u001F', facets[a].Paragraphs[p].Region)))));
        var queryFile = Path.Combine(folder, "queries.tsv");
        File.WriteAllLines(queryFile, queries.Concat(questions).Select(q => Row(q.Class.ToString(), q.First, q.Second ?? "", q.Region ?? "")));

        var output = Execute(Tool("java"), ["-cp", classPath, "LuceneBenchmark", paragraphs, queryFile, Path.Combine(folder, "index"),
            warmupPasses.ToString(CultureInfo.InvariantCulture), measuredPasses.ToString(CultureInfo.InvariantCulture),
            warmupParagraphs.ToString(CultureInfo.InvariantCulture)]);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToLookup(l => l[0], l => l[1..]);
        double Figure(string name) => double.Parse(lines[name].Single()[0], CultureInfo.InvariantCulture);
        List<QueryTiming> Timings(string pass, IReadOnlyList<BenchQuery> asked) => lines[pass].Select((v, i) => Timing(asked[i % asked.Count], v)).ToList();

        var build = TimeSpan.FromMilliseconds(Figure("build"));
        var buildCpu = TimeSpan.FromMilliseconds(Figure("buildcpu"));
        Console.WriteLine($"{EngineName}: built in {build.TotalSeconds:F2} s ({articles.Sum(a => a.Paragraphs.Count) / build.TotalSeconds:N0} paragraphs/s) and {buildCpu.TotalSeconds:F2} s of CPU");
        var resident = lines["resident"].Single();
        return new EngineRun(EngineName, build, buildCpu, (long)Figure("index"), long.Parse(resident[0], CultureInfo.InvariantCulture),
            resident[1] == "-" ? null : long.Parse(resident[1], CultureInfo.InvariantCulture),
            Figure("cpu"), Figure("questioncpu"), Figure("allocated"),
            Timings("first", queries), Timings("measured", queries).Chunk(queries.Count).ToList(),
            Timings("question", questions).Chunk(Math.Max(1, questions.Count)).ToList());
    }

    private static QueryTiming Timing(BenchQuery query, string[] values)
    {
        long Value(int i) => long.Parse(values[i], CultureInfo.InvariantCulture);
        return new QueryTiming(query.Class, double.Parse(values[0], CultureInfo.InvariantCulture),
            new QueryAnswer(Value(1), (int)Value(2), (int)Value(3), (int)Value(4)));
    }

    /// <summary>A tab-separated row; tabs and line breaks inside a value are spaces, which the analyzer takes alike.</summary>
    private static string Row(params string[] values) =>
        string.Join('\t', values.Select(v => v.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ')));

    private static string Tool(string name) =>
        Environment.GetEnvironmentVariable("JAVA_HOME") is { Length: > 0 } home ? Path.Combine(home, "bin", name) : Path.Combine("/usr/bin", name);

    private static string Execute(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {error.Result}");
    }
}
