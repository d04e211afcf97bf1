using SearchService.Benchmarks.Performance;
using SearchService.Benchmarks.Store;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Benchmarks;

/// <summary>Keeps the <c>store</c> benchmark from rotting: it measures a few writes of each kind. Nothing about time is asserted.</summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class StoreBenchmarkSmokeTests
{
    [PostgresFact]
    public async Task Store_benchmark_measures_single_and_bulk_puts_on_a_small_slice()
    {
        using var folder = new TempDirectory();
        var corpus = folder.Combine("articles.jsonl");
        BenchmarkCorpus.Write(Enumerable.Range(1, 40).Select(i => NewsArticles.Cocoa($"reuters-{i}")), corpus);

        var results = await new StoreBenchmark(PostgresFactAttribute.ConnectionString!, corpus, SingleWrites: 10, BulkArticles: 25).Measure();

        Assert.Equal((10, 25), (results.SinglePuts.Count, results.BulkArticles));
        Assert.Equal(StoreBenchmark.WarmupWrites + 10 + 25, results.LastVersion);
    }
}
