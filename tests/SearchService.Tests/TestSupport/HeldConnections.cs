using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SearchService.Tests.TestSupport;

/// <summary>
/// A loopback TCP relay to a PostgreSQL server whose traffic can be held: while held, no byte crosses it either way, so
/// whatever reads through it (queries, LISTEN notifications) waits, as over a stalled network, and goes on when it is
/// released. A silo reading the article log through it (<see cref="Through"/>) thus falls behind the log for as long as
/// the test says, with nothing in the product told.
/// </summary>
public sealed class HeldConnections : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly string upstreamHost;
    private readonly int upstreamPort;
    private readonly CancellationTokenSource closing = new();
    private readonly List<TcpClient> sockets = [];
    private readonly Lock gate = new();
    private readonly Task accepting;
    // Completed while traffic flows; a pending one while held.
    private TaskCompletionSource flowing = Flowing();

    /// <param name="server">A connection string naming the server the relay leads to.</param>
    public HeldConnections(string server)
    {
        var upstream = new NpgsqlConnectionStringBuilder(server);
        (upstreamHost, upstreamPort) = (upstream.Host!, upstream.Port);
        listener.Start();
        accepting = Task.Run(AcceptAsync);
    }

    /// <summary><paramref name="connectionString"/> (a database on the relay's server) reaching it through the relay.</summary>
    public string Through(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString)
    {
        Host = IPAddress.Loopback.ToString(), Port = ((IPEndPoint)listener.LocalEndpoint).Port,
    }.ConnectionString;

    /// <summary>Holds every byte either way from now until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (gate)
        {
            if (flowing.Task.IsCompleted)
                flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Lets what was held, and what follows, through.</summary>
    public void Release()
    {
        lock (gate)
            flowing.TrySetResult();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(closing.Token);
                var server = new TcpClient();
                lock (gate)
                    sockets.AddRange([client, server]);
                _ = RelayAsync(client, server);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task RelayAsync(TcpClient client, TcpClient server)
    {
        try
        {
            await server.ConnectAsync(upstreamHost, upstreamPort, closing.Token);
            await Task.WhenAny(PumpAsync(client.GetStream(), server.GetStream()), PumpAsync(server.GetStream(), client.GetStream()));
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException or IOException)
        {
        }
        finally
        {
            // One side closed: the other is closed too, as a connection through a network would be.
            client.Dispose();
            server.Dispose();
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, closing.Token);
                if (read == 0)
                    return;
                Task open;
                lock (gate)
                    open = flowing.Task;
                await open.WaitAsync(closing.Token);
                await to.WriteAsync(buffer.AsMemory(0, read), closing.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or IOException or SocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await closing.CancelAsync();
        listener.Stop();
        await accepting;
        lock (gate)
        {
            foreach (var socket in sockets)
                socket.Dispose();
        }
        closing.Dispose();
    }

    private static TaskCompletionSource Flowing()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
