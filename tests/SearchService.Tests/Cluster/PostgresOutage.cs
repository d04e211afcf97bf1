using System.Net.Http.Json;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// One cluster node as a process over a PostgreSQL server of its own (<see cref="PostgresServer"/>), holding one
/// article ("lighthouse"), for tests that stop that server: the server the other tests share stays up.
/// </summary>
public sealed class PostgresOutage : IAsyncLifetime
{
    /// <summary>The shard copies the node holds: 8 shards, one copy each (a second would have no node of its own).</summary>
    public const int Copies = 8;

    private readonly TempDirectory folders = new();
    private NodeProcess? process;

    public PostgresServer Postgres { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>A client of the node presenting <paramref name="key"/>.</summary>
    public Task<HttpClient> ClientAsync(string key) => process!.ClientAsync(key);

    /// <summary>What the node has printed so far (its log).</summary>
    public string Output => process!.Output;

    public async Task InitializeAsync()
    {
        if (new PostgresFactAttribute().Skip is not null)
            return; // the tests are skipped, saying why
        Postgres = await PostgresServer.StartNewAsync();
        process = new NodeProcess(Postgres.ConnectionString, $"outage-{Guid.NewGuid():N}", folders.Combine("shards"),
            Directory.CreateDirectory(folders.Combine("corpus")).FullName, "--Search:Cluster:Replicas=1");
        Client = await process.ClientAsync();
        await ProcessCluster.WaitUntilCompleteAsync(Client, activeNodes: 1);
        (await Client.PutAsync("/articles/lighthouse", JsonContent.Create(new
        {
            Title = "Lighthouse keepers retire",
            Paragraphs = new[] { "The last lighthouse keepers of Brittany handed their keys to the coast guard on Friday." },
        }))).EnsureSuccessStatusCode();
        while ((await ProcessCluster.SearchAsync(Client, "/search?q=lighthouse")).Total == 0)
            await Task.Delay(50);
    }

    /// <summary>Stops the node's PostgreSQL; disposing the answer starts it again.</summary>
    public async Task<IAsyncDisposable> StopPostgresAsync()
    {
        await Postgres.StopAsync();
        return new Restart(Postgres);
    }

    public Task DisposeAsync()
    {
        process?.Dispose();
        Postgres?.Dispose();
        folders.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Starts the stopped server again when disposed.</summary>
    private sealed class Restart(PostgresServer server) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await server.StartAsync();
    }
}
