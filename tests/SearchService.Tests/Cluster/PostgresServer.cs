using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// A PostgreSQL server of a test's own (<c>scripts/postgres.sh</c> on a free loopback port, its data in a temporary
/// folder) that the test stops and starts again, as an outage or a restart of the database does, without touching the
/// server the other tests share.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private static readonly string Script = Path.Combine(SharedFiles.Repository, "scripts", "postgres.sh");

    private readonly TempDirectory folder = new();

    private PostgresServer()
    {
    }

    public int Port { get; } = LoopbackPort.Free();

    /// <summary>The connection string of its database, as <c>scripts/postgres.sh url</c> prints it.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=searchservice";

    /// <summary>Initialises the server's folder, starts it and makes its database.</summary>
    public static async Task<PostgresServer> StartNewAsync()
    {
        var server = new PostgresServer();
        try
        {
            await server.StartAsync();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public Task StartAsync() => RunAsync("start");

    /// <summary>Stops the server (<c>pg_ctl stop -m fast</c>: sessions are ended, as at a shutdown or restart).</summary>
    public Task StopAsync() => RunAsync("stop");

    private async Task RunAsync(string command)
    {
        var run = await ToolRun.RunAsync("bash", [Script, command, folder.Path, Port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            SharedFiles.Repository, timeout: TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, $"postgres.sh {command} failed: {run.Output}");
    }

    public void Dispose()
    {
        RunAsync("stop").GetAwaiter().GetResult();
        folder.Dispose();
    }
}
