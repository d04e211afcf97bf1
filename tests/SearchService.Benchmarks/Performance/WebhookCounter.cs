using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace SearchService.Benchmarks.Performance;

/// <summary>
/// A webhook receiver on 127.0.0.1 for the alerts benchmark (<c>--webhooks</c>): answers 204 to every POST at
/// <see cref="Url"/> and counts them, so the benchmark can wait until every notice is delivered; and notes when the
/// first notice naming each article came (<see cref="FirstNotice"/>), for the cluster's delivery delay. Webhooks reach it
/// only where <c>Search:Alerts:WebhookHosts</c> lists its address (<see cref="Address"/>).
/// </summary>
public sealed class WebhookCounter : IDisposable
{
    /// <summary>The address it listens on: a loopback one, which webhooks reach only when it is listed.</summary>
    public const string Address = "127.0.0.1";

    private readonly HttpListener listener = new();
    private long received;

    public WebhookCounter()
    {
        var port = FreePort();
        Url = new Uri($"http://{Address}:{port}/hook/");
        listener.Prefixes.Add($"http://{Address}:{port}/");
        listener.Start();
        _ = Task.Run(AnswerAllAsync);
    }

    public Uri Url { get; }

    /// <summary>The POSTs received so far.</summary>
    public long Received => Interlocked.Read(ref received);

    /// <summary>When a notice naming the article first came (a <see cref="Stopwatch"/> timestamp), by article id.</summary>
    public ConcurrentDictionary<string, long> FirstNotice { get; } = new(StringComparer.Ordinal);

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
                var came = Stopwatch.GetTimestamp();
                using var notice = await JsonDocument.ParseAsync(context.Request.InputStream);
                foreach (var hit in notice.RootElement.GetProperty("hits").EnumerateArray())
                    FirstNotice.TryAdd(hit.GetProperty("articleId").GetString()!, came);
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
