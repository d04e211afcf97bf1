using System.Diagnostics;
using SearchService.Benchmarks.Store;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// A node process warms its searches up as a single node does (<c>ClusterSearchWarmUp</c>): once its shards answer, it
/// runs every shape of search through them, with words of the newest paragraph.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ClusterSearchWarmUpTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [PostgresFact]
    public async Task A_node_runs_every_shape_of_search_through_the_shards_once_they_answer()
    {
        using var folders = new TempDirectory();
        var corpus = NodeProcess.SeedCorpus(folders);
        await using var database = await ScratchDatabase.CreateAsync(PostgresFactAttribute.ConnectionString!, "searchservice_warmup");
        using var node = new NodeProcess(database.ConnectionString, $"warmup-{Guid.NewGuid():N}", folders.Combine("shards"), corpus,
            "--Search:Cluster:Shards=2", "--Search:Cluster:Replicas=1");
        await node.ClientAsync();

        var clock = Stopwatch.StartNew();
        while (!node.Output.Contains("Warmed up with", StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < Patience, $"The node did not warm up within {Patience}; its log:\n{node.Output}");
            await Task.Delay(100);
        }

        // The newest-first search that found the words, then ten rounds of the six shapes.
        Assert.Contains("Warmed up with 61 searches through the shards", node.Output);
    }
}
