using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Orleans' ADO.NET clustering works on the tables the article log's schema makes: a silo on loopback ports joins the
/// membership table of the test database as Active, and leaves it Dead when it stops.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class OrleansMembershipTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [PostgresFact]
    public async Task A_running_silo_is_Active_in_the_membership_table()
    {
        await using var store = await TestArticleLog.CreateAsync();
        using var silo = Silo(store.ConnectionString, out var siloPort);

        await silo.StartAsync();
        try
        {
            Assert.Equal([("127.0.0.1", siloPort, SiloStatus.Active)], await Members(store.ConnectionString));
        }
        finally
        {
            await silo.StopAsync();
        }
    }

    [PostgresFact]
    public async Task A_stopped_silo_is_Dead_in_the_membership_table()
    {
        await using var store = await TestArticleLog.CreateAsync();
        using var silo = Silo(store.ConnectionString, out var siloPort);
        await silo.StartAsync();

        await silo.StopAsync();

        Assert.Equal([("127.0.0.1", siloPort, SiloStatus.Dead)], await Members(store.ConnectionString));
    }

    private static IHost Silo(string connectionString, out int siloPort)
    {
        var ports = (Silo: LoopbackPort.Free(), Gateway: LoopbackPort.Free());
        siloPort = ports.Silo;
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = Patience);
        builder.UseOrleans(silo => silo
            .Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = ($"test-{Guid.NewGuid():N}", "searchservice"))
            .ConfigureEndpoints(IPAddress.Loopback, ports.Silo, ports.Gateway)
            .UseAdoNetClustering(options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = connectionString;
            }));
        return builder.Build();
    }

    private static async Task<List<(string Address, int Port, SiloStatus Status)>> Members(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT address, port, status FROM orleansmembershiptable", connection);
        await using var rows = await command.ExecuteReaderAsync();
        var members = new List<(string, int, SiloStatus)>();
        while (await rows.ReadAsync())
            members.Add((rows.GetString(0), rows.GetInt32(1), (SiloStatus)rows.GetInt32(2)));
        return members;
    }
}
