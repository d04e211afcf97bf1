using SearchService.Benchmarks.Store;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Two cluster nodes as processes over an empty scratch database of their own, two shards of two copies: for tests of
/// what a client writing through one node sees through the other. Ready once every copy answers at the log's version;
/// a fixture deriving from it says what it waits for after each node instead (<see cref="NodeStartedAsync"/>).
/// </summary>
public class TwoNodeCluster : IAsyncLifetime
{
    private readonly TempDirectory folders = new();
    private readonly List<NodeProcess> nodes = [];
    private readonly string databaseName;
    private readonly string[] settings;
    private ScratchDatabase? database;

    public TwoNodeCluster()
        : this("searchservice_two_nodes")
    {
    }

    /// <param name="databaseName">The scratch database's name, and its cluster id's start.</param>
    /// <param name="settings">More settings for each node, after <c>--Search:Cluster:Shards=2</c>.</param>
    protected TwoNodeCluster(string databaseName, params string[] settings) => (this.databaseName, this.settings) = (databaseName, settings);

    public IReadOnlyList<NodeProcess> Node => nodes;

    /// <summary>The scratch database's connection string, once started.</summary>
    protected string ConnectionString => database!.ConnectionString;

    public async Task InitializeAsync()
    {
        if (new PostgresFactAttribute().Skip is not null)
            return; // the tests are skipped, saying why
        database = await ScratchDatabase.CreateAsync(PostgresFactAttribute.ConnectionString!, databaseName);
        var clusterId = $"{databaseName}-{Guid.NewGuid():N}";
        // One at a time, as ProcessCluster starts them: a silo still starting misses the other's probes on a busy machine.
        for (var n = 0; n < 2; n++)
        {
            nodes.Add(new NodeProcess(database.ConnectionString, clusterId, folders.Combine($"node-{n}", "shards"),
                Directory.CreateDirectory(folders.Combine($"node-{n}", "corpus")).FullName, ["--Search:Cluster:Shards=2", .. settings]));
            await ProcessCluster.WaitUntilReadyAsync(await nodes[n].ClientAsync());
            await NodeStartedAsync(n);
        }
    }

    /// <summary>Waits, once node <paramref name="node"/> is ready, for what the tests need before the next starts or they run.</summary>
    protected virtual async Task NodeStartedAsync(int node)
    {
        if (node == 1)
            await ProcessCluster.WaitUntilEveryCopyAtTheLastVersionAsync(await nodes[0].ClientAsync(), activeNodes: 2);
    }

    public async Task DisposeAsync()
    {
        foreach (var node in nodes)
            node.Dispose();
        if (database is not null)
            await database.DisposeAsync();
        folders.Dispose();
    }
}
