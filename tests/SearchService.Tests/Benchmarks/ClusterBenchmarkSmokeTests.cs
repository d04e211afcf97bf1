using SearchService.Benchmarks.Performance;
using SearchService.Tests.EndToEnd;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Benchmarks;

/// <summary>
/// Keeps the <c>cluster</c> benchmark from rotting: over a hundred Reuters articles it starts three cluster nodes and a
/// single node from the API's build output, and prints both sides' figures, with every answer the same on both.
/// Nothing about time is asserted.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ClusterBenchmarkSmokeTests
{
    [PostgresReutersFact]
    public async Task Cluster_benchmark_prints_both_sides_figures_and_the_same_answers_on_a_small_slice()
    {
        var options = BenchmarkOptions.Parse(
            ["--limit", "100", "--queries-per-class", "2", "--questions", "1", "--warmup", "0", "--passes", "1", "--corpus", ReutersCorpus.Path!]);
        var output = new StringWriter();

        var result = await new ClusterCostBenchmark(options, PostgresFactAttribute.ConnectionString!, LoopbackPort.Free(), ServiceProcess.ApiAssembly, runs: 1, output)
            .Measure();

        var printed = output.ToString();
        foreach (var row in new[] { "| single p50 |", "| single p99 |", "| cluster p50 |", "| cluster p99 |", "| overhead p50 |" })
            Assert.Contains(row, printed);
        Assert.True(result.Answers >= 5, $"{result.Answers} queries answered");
        Assert.Equal(result.Answers, result.SameAnswers);
        Assert.Contains($"Answers: {result.Answers} of {result.Answers} identical", printed);
        Assert.All(result.Client.Single()[..4], latency => Assert.True(latency > 0));
    }
}
