using System.Diagnostics;
using System.Text.Json;

namespace SearchService.Benchmarks.Performance;

/// <summary>
/// Runs one engine of the `query` benchmark, its build and its passes, in a fresh process of the benchmark
/// (`query ... --run-engine ENGINE --run-file FILE`), which writes what it measured to the file as JSON. The .NET
/// engines share Lucene.Net's code, and in one process whichever ran later ran it already compiled and optimised: plain
/// Lucene.Net built the 1x corpus in 3.0 s on its own and in 1.8 s after SearchService, so the ratios depended on the
/// order the engines ran in. Each in a process of its own, they do not, and each one's peak memory is its own.
/// </summary>
public static class EngineProcess
{
    /// <summary>The parent's side: runs the child for <paramref name="engine"/>, passes its lines on and reads back what it measured.</summary>
    public static EngineRun Run(BenchmarkOptions options, string engine, string workFolder)
    {
        var runFile = Path.Combine(workFolder, engine + ".run.json");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        foreach (var argument in new[] { typeof(EngineProcess).Assembly.Location, "query" }.Concat(options.Arguments ?? [])
                     .Concat(["--run-engine", engine, "--run-file", runFile]))
            start.ArgumentList.Add(argument);
        using (var child = Process.Start(start)!)
        {
            while (child.StandardOutput.ReadLine() is { } line)
                Console.WriteLine(line);
            child.WaitForExit();
            if (child.ExitCode != 0 || !File.Exists(runFile))
                throw new InvalidOperationException($"{engine}, run in a process of its own, failed (exit code {child.ExitCode}); its error output is above");
        }
        using var json = File.OpenRead(runFile);
        return JsonSerializer.Deserialize<EngineRun>(json) ?? throw new InvalidOperationException($"{runFile} holds no run");
    }

    /// <summary>The child's side: what the engine measured, for the parent.</summary>
    public static void Write(EngineRun run, string runFile)
    {
        using var json = File.Create(runFile);
        JsonSerializer.Serialize(json, run);
    }
}
