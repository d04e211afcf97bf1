using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Npgsql;
using SearchService.Benchmarks.Store;
using SearchService.Cluster.Alerts;
using SearchService.Tests.Api;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Two cluster nodes as processes over a scratch database of their own, for alerts: node 0 is started first and holds
/// the percolation lease before node 1 starts, so a test knows which node percolates.
/// </summary>
public sealed class AlertCluster : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly TempDirectory folders = new();
    private readonly List<NodeProcess> nodes = [];
    private ScratchDatabase? database;

    public IReadOnlyList<NodeProcess> Node => nodes;

    public async Task InitializeAsync()
    {
        if (new PostgresFactAttribute().Skip is not null)
            return; // the tests are skipped, saying why
        database = await ScratchDatabase.CreateAsync(PostgresFactAttribute.ConnectionString!, "searchservice_alerts");
        var clusterId = $"alerts-{Guid.NewGuid():N}";
        for (var n = 0; n < 2; n++)
        {
            nodes.Add(new NodeProcess(database.ConnectionString, clusterId, folders.Combine($"node-{n}", "shards"),
                Directory.CreateDirectory(folders.Combine($"node-{n}", "corpus")).FullName, "--Search:Cluster:Shards=2"));
            await ProcessCluster.WaitUntilReadyAsync(await nodes[n].ClientAsync());
            var clock = Stopwatch.StartNew();
            while (!await PercolationHeldAsync())
            {
                Assert.True(clock.Elapsed < Patience, $"No node took the percolation lease within {Patience}:\n{nodes[0].Output}");
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Whether a PostgreSQL session holds the percolation lease (its advisory lock).</summary>
    public async Task<bool> PercolationHeldAsync()
    {
        await using var connection = new NpgsqlConnection(database!.ConnectionString);
        await connection.OpenAsync();
        // A bigint advisory key is kept as its high and low 32 bits.
        await using var held = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid::bigint = @high AND objid::bigint = @low)", connection);
        held.Parameters.AddWithValue("high", PostgresAlerts.LeaseKey >> 32);
        held.Parameters.AddWithValue("low", PostgresAlerts.LeaseKey & 0xFFFF_FFFF);
        return await held.ExecuteScalarAsync() is true;
    }

    public static async Task<AlertAnswer> SaveAsync(HttpClient node, object alert)
    {
        var created = await node.PostAsJsonAsync("/alerts", alert);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return ApiJson.Read<AlertAnswer>(await created.Content.ReadAsStringAsync());
    }

    /// <summary>Puts an article through a node; answers when the node acknowledged it (a <see cref="Stopwatch"/> timestamp).</summary>
    public static async Task<long> PutAsync(HttpClient node, string id, string title, params string[] paragraphs)
    {
        var answer = await node.PutAsync($"/articles/{id}", JsonContent.Create(new { title, date = "2024-05-01", paragraphs }));
        var acknowledged = Stopwatch.GetTimestamp();
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        return acknowledged;
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
