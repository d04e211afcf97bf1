using System.Diagnostics;
using SearchService.Benchmarks.Store;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>A node process restarted on another silo port, on the same shards root, removes the folder of its earlier run.</summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class SiloFolderProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [PostgresFact]
    public async Task A_node_restarted_on_another_port_removes_the_folder_of_its_earlier_run()
    {
        using var folders = new TempDirectory();
        var corpus = NodeProcess.SeedCorpus(folders);
        var shards = folders.Combine("shards");
        await using var database = await ScratchDatabase.CreateAsync(PostgresFactAttribute.ConnectionString!, "searchservice_folders");
        var cluster = $"folders-{Guid.NewGuid():N}";
        string[] settings = ["--Search:Cluster:Shards=2", "--Search:Cluster:Replicas=1"];
        string earlierFolder;
        using (var earlier = new NodeProcess(database.ConnectionString, cluster, shards, corpus, settings))
        {
            await earlier.WaitForSearchAsync(await earlier.ClientAsync(), "/search?collapse=article", found => found.TotalArticles == 1);
            earlier.Kill();
            await earlier.ExitCode();
            earlierFolder = Assert.Single(SiloFoldersIn(shards, earlier.SiloPort));
        }

        using var later = new NodeProcess(database.ConnectionString, cluster, shards, corpus, settings);
        await later.WaitForSearchAsync(await later.ClientAsync(), "/search?collapse=article", found => found.TotalArticles == 1);
        var clock = Stopwatch.StartNew();
        // The earlier silo's row stays Active until the later one has it declared dead (a few probes, seconds apart).
        while (Directory.Exists(earlierFolder) && clock.Elapsed < Patience)
            await Task.Delay(200);

        Assert.False(Directory.Exists(earlierFolder), $"{earlierFolder} is still there; the node's log:\n{later.Output}");
        Assert.Single(SiloFoldersIn(shards, later.SiloPort));
    }

    // The root holds other folders too (the alert outbox).
    private static string[] SiloFoldersIn(string shards, int port) => Directory.GetDirectories(shards, $"*_{port}");
}
