using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SearchService.Core.Alerts;

namespace SearchService.Tests.TestSupport;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel; or another loopback <paramref name="address"/>) that takes webhook POSTs at
/// <see cref="Url"/>: it answers 500 to the first
/// <paramref name="failFirst"/> and 204 to the rest (or, given <paramref name="redirectTo"/>, 307 to it each time), and
/// records every attempt. Answers can be held back
/// (<see cref="HoldAnswers"/>), as a receiver that hangs would, counting the POSTs held at once. Webhooks reach it only
/// where <c>Search:Alerts:WebhookHosts</c> lists its address (<see cref="Address"/>, <see cref="Hosts"/>).
/// </summary>
public sealed class WebhookReceiver(int failFirst = 0, Uri? redirectTo = null, string address = WebhookReceiver.Address) : IAsyncDisposable
{
    /// <summary>The address it listens on: a loopback one, which webhooks reach only when it is listed.</summary>
    public const string Address = "127.0.0.1";

    /// <summary>The webhook hosts of a sender whose webhooks go to receivers: <see cref="Address"/> listed.</summary>
    public static WebhookHosts Hosts { get; } = WebhookHosts.Parse([Address]);

    private WebApplication? app;
    private int attempts;
    private int inFlight;
    private int mostInFlight;
    private TaskCompletionSource answers = CompletedAnswers();

    /// <summary>The most POSTs this receiver has held at once.</summary>
    public int MostInFlight => Volatile.Read(ref mostInFlight);

    /// <summary>The POSTs held now.</summary>
    public int InFlight => Volatile.Read(ref inFlight);

    /// <summary>From now on, a POST is answered only once <see cref="ReleaseAnswers"/> is called.</summary>
    public void HoldAnswers() => answers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseAnswers() => answers.TrySetResult();

    private static TaskCompletionSource CompletedAnswers()
    {
        var completed = new TaskCompletionSource();
        completed.SetResult();
        return completed;
    }

    /// <summary>Every POST received, in order: its event id header, its body, and whether it was answered as delivered.</summary>
    public BlockingCollection<(string? EventId, string Body, bool Accepted)> Received { get; } = new();

    public Uri Url { get; private set; } = null!;

    public async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var port = LoopbackPort.Free();
        builder.WebHost.UseUrls($"http://{address}:{port}");
        app = builder.Build();
        app.MapPost("/hook", async (HttpContext context) =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            var held = Interlocked.Increment(ref inFlight);
            for (var most = mostInFlight; held > most; most = mostInFlight)
                Interlocked.CompareExchange(ref mostInFlight, held, most);
            await answers.Task;
            Interlocked.Decrement(ref inFlight);
            var accepted = Interlocked.Increment(ref attempts) > failFirst && redirectTo is null;
            Received.Add((context.Request.Headers[WebhookSender.EventIdHeader].ToString(), body, accepted));
            if (redirectTo is not null)
                return Results.Redirect(redirectTo.ToString(), permanent: false, preserveMethod: true);
            return accepted ? Results.NoContent() : Results.StatusCode(StatusCodes.Status500InternalServerError);
        });
        await app.StartAsync();
        Url = new Uri($"http://{address}:{port}/hook");
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseAnswers();
        if (app is not null)
            await app.DisposeAsync();
        Received.Dispose();
    }
}
