using System.Net;
using System.Net.Sockets;

namespace SearchService.Benchmarks.Performance;

/// <summary>
/// A webhook receiver on 127.0.0.1 for the alerts benchmark (<c>--webhooks</c>): answers 204 to every POST at
/// <see cref="Url"/> and counts them, so the benchmark can wait until every notice is delivered.
/// </summary>
public sealed class WebhookCounter : IDisposable
{
    private readonly HttpListener listener = new();
    private long received;

    public WebhookCounter()
    {
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/hook/");
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        _ = Task.Run(AnswerAllAsync);
    }

    public Uri Url { get; }

    /// <summary>The POSTs received so far.</summary>
    public long Received => Interlocked.Read(ref received);

    private async Task AnswerAllAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }
            _ = Task.Run(async () =>
            {
                await context.Request.InputStream.CopyToAsync(Stream.Null);
                Interlocked.Increment(ref received);
                context.Response.StatusCode = (int)HttpStatusCode.NoContent;
                context.Response.Close();
            });
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose() => listener.Close();
}
