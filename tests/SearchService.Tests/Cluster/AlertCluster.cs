using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Npgsql;
using SearchService.Cluster.Alerts;
using SearchService.Tests.Api;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Two cluster nodes as processes over a scratch database of their own, for alerts: node 0 is started first and holds
/// the percolation lease before node 1 starts, so a test knows which node percolates. Their webhooks may reach
/// <see cref="WebhookReceiver"/>s.
/// </summary>
public sealed class AlertCluster() : TwoNodeCluster("searchservice_alerts", $"--Search:Alerts:WebhookHosts:0={WebhookReceiver.Address}")
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    protected override async Task NodeStartedAsync(int node)
    {
        var clock = Stopwatch.StartNew();
        while (!await PercolationHeldAsync())
        {
            Assert.True(clock.Elapsed < Patience, $"No node took the percolation lease within {Patience}:\n{Node[0].Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>Whether a PostgreSQL session holds the percolation lease (its advisory lock).</summary>
    public async Task<bool> PercolationHeldAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        // A bigint advisory key is kept as its high and low 32 bits.
        await using var held = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid::bigint = @high AND objid::bigint = @low)", connection);
        held.Parameters.AddWithValue("high", PostgresAlerts.LeaseKey >> 32);
        held.Parameters.AddWithValue("low", PostgresAlerts.LeaseKey & 0xFFFF_FFFF);
        return await held.ExecuteScalarAsync() is true;
    }

    /// <summary>Sets an alert's webhook in PostgreSQL, past the check a save makes: as an alert saved before it was made.</summary>
    public async Task SetWebhookAsync(string alertId, Uri webhook)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE alerts SET webhook = @webhook WHERE id = @id", connection);
        update.Parameters.AddWithValue("webhook", webhook.AbsoluteUri);
        update.Parameters.AddWithValue("id", alertId);
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
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
}
