using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SearchService.Core;
using SearchService.Core.Alerts;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>An article written after an alert reaches the alert's webhook (a real HTTP server) and its event stream.</summary>
public sealed class AlertDeliveryTests(KestrelAdminApiFactory api) : IClassFixture<KestrelAdminApiFactory>
{
    private static readonly TimeSpan DeliveredWithin = TimeSpan.FromSeconds(30);

    private readonly HttpClient admin = api.CreateAdminClient();

    [Fact]
    public async Task An_article_put_after_the_alert_is_delivered_once_to_its_webhook()
    {
        await using var receiver = await new WebhookReceiver().StartAsync();
        var alert = await Save(new { q = "clove harvest", webhook = receiver.Url });

        await Put("zanzibar-cloves", "Zanzibar farm news", "Zanzibar clove farmers expect a record harvest this season.", "Prices held steady.");

        Assert.True(receiver.Received.TryTake(out var received, DeliveredWithin), "Nothing was delivered.");
        var notice = ApiJson.Read<AlertNoticeAnswer>(received.Body);
        Assert.Equal(alert.Id, notice.AlertId);
        var hit = Assert.Single(notice.Hits);
        Assert.Equal(("zanzibar-cloves", 1, "Zanzibar farm news"), (hit.ArticleId, hit.Paragraph, hit.Title));
        Assert.Contains("<mark>harvest</mark>", hit.Snippet);
        Assert.False(string.IsNullOrEmpty(received.EventId));
        await Put("zanzibar-weather", "Zanzibar weather", "Rain is expected on the islands.");
        Assert.False(receiver.Received.TryTake(out _, TimeSpan.FromSeconds(3)), "Delivered more than once.");
    }

    [Fact]
    public async Task An_article_put_after_the_alert_is_an_event_of_its_stream_which_resumes_from_the_last_id()
    {
        var alert = await Save(new { q = "quokka census" });
        using var stream = await admin.GetAsync($"/alerts/{alert.Id}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var lines = new StreamReader(await stream.Content.ReadAsStreamAsync());

        await Put("rottnest-quokkas", "Quokka census", "The quokka census on Rottnest Island counted more animals.");
        var clock = Stopwatch.StartNew();
        var (id, data) = await ServerSentEvents.NextAsync(lines, DeliveredWithin);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"The event came {clock.Elapsed.TotalSeconds:F1} s after the article was searchable.");
        Assert.Equal("rottnest-quokkas", Assert.Single(ApiJson.Read<AlertNoticeAnswer>(data).Hits).ArticleId);
        using var resume = new HttpRequestMessage(HttpMethod.Get, $"/alerts/{alert.Id}/events");
        resume.Headers.Add("Last-Event-ID", (long.Parse(id) - 1).ToString());
        using var resumed = await admin.SendAsync(resume, HttpCompletionOption.ResponseHeadersRead);
        using var resumedLines = new StreamReader(await resumed.Content.ReadAsStreamAsync());
        Assert.Equal(id, (await ServerSentEvents.NextAsync(resumedLines, DeliveredWithin)).Id);
    }

    [Fact]
    public async Task A_failing_webhook_is_retried_while_indexing_goes_on()
    {
        await using var receiver = await new WebhookReceiver(failFirst: 2).StartAsync();
        await Save(new { q = "wombat burrows", webhook = receiver.Url });

        await Put("wombat-burrows", "Wombat burrows", "Wombat burrows were counted across the state.");
        Assert.True(receiver.Received.TryTake(out var first, DeliveredWithin));
        Assert.False(first.Accepted);
        var clock = Stopwatch.StartNew();
        await Put("numbat-survey", "Numbat survey", "The numbat survey found more animals than last year.");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "Indexing waited for the webhook.");
        Assert.Equal(1, (await admin.GetOk<SearchAnswer>("/search?q=numbat")).Total);

        Assert.True(receiver.Received.TryTake(out var second, DeliveredWithin));
        Assert.True(receiver.Received.TryTake(out var third, DeliveredWithin));
        Assert.Equal((false, true), (second.Accepted, third.Accepted));
        Assert.Equal(first.EventId, third.EventId);
        Assert.Equal(first.Body, third.Body);
    }

    [Fact]
    public async Task Deleting_an_alert_drops_its_webhook_notices_waiting_for_a_retry()
    {
        await using var receiver = await new WebhookReceiver(failFirst: int.MaxValue).StartAsync();
        var alert = await Save(new { q = "dugong sightings", webhook = receiver.Url });
        await Put("dugong-sightings", "Dugong sightings", "Dugong sightings rose along the coast this spring.");
        Assert.True(receiver.Received.TryTake(out var first, DeliveredWithin));
        Assert.False(first.Accepted);
        Assert.NotEmpty(Outbox(alert.Id));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/alerts/{alert.Id}")).StatusCode);

        // A notice whose attempt is under way leaves the outbox once that attempt has seen the deletion, moments after
        // the 204 (a CI run found its file still there right after it); queued ones go before the 204.
        var clock = Stopwatch.StartNew();
        while (Outbox(alert.Id).Length > 0 && clock.Elapsed < TimeSpan.FromSeconds(2))
            await Task.Delay(10);
        Assert.Empty(Outbox(alert.Id));
        Assert.False(receiver.Received.TryTake(out _, TimeSpan.FromSeconds(4)), "A deleted alert's notice was retried.");
    }

    /// <summary>The outbox files that hold a notice of the alert (one file holds the notices one refresh handed over).</summary>
    private string[] Outbox(string alertId) => Directory.GetFiles(
            Path.Combine(api.Services.GetRequiredService<IOptions<SearchOptions>>().Value.IndexPath, WebhookSender.OutboxFolderName))
        .Where(f => ReadUnlessGone(f).Contains(alertId, StringComparison.Ordinal)).ToArray();

    private static string ReadUnlessGone(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            return ""; // delivered meanwhile
        }
    }

    private async Task<AlertAnswer> Save(object alert)
    {
        var created = await admin.PostAsJsonAsync("/alerts", alert);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return ApiJson.Read<AlertAnswer>(await created.Content.ReadAsStringAsync());
    }

    private async Task Put(string id, string title, params string[] paragraphs)
    {
        var response = await admin.PutAsync($"/articles/{id}", JsonContent.Create(new { title, date = "2024-05-01", paragraphs }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
