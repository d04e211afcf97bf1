using SearchService.Benchmarks.Performance;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Benchmarks;

/// <summary>
/// Keeps the benchmark program from rotting: the query benchmark on a few hundred Reuters articles builds all three
/// engines, each in a process of its own, and each answers every query and question. Nothing about time is asserted
/// beyond each build's time coming back from its process.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public class BenchmarkSmokeTests
{
    [ReutersFact]
    public void Query_benchmark_builds_and_queries_every_engine_on_a_small_slice()
    {
        var options = BenchmarkOptions.Parse(["--limit", "200", "--queries-per-class", "5", "--warmup", "1", "--passes", "1", "--questions", "3", "--corpus", ReutersCorpus.Path!]);
        var results = new QueryBenchmark(options).Measure();

        Assert.Equal(["SearchService", "Lucene.Net (plain)", "SQLite FTS5"], results.Select(r => r.Name));
        Assert.All(results, r =>
        {
            Assert.Equal(20, r.All.Count);
            Assert.Equal(3, r.ByClass[QueryClass.Question].Count);
            Assert.True(r.Hits > 0, $"{r.Name} found nothing");
            Assert.True(r.IndexBytes > 0, $"{r.Name} wrote no index");
            Assert.True(r.Build > TimeSpan.Zero, $"{r.Name}'s process reported no build time");
        });
    }
}
