using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using SearchService.Tests.Api;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;
using Xunit.Abstractions;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Alerts in cluster mode, over two node processes (<see cref="AlertCluster"/>): saved in PostgreSQL, so any node lists
/// and deletes them; matched once per change in the cluster, delivered once to the webhook and on a stream opened on
/// any node.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ClusterAlertTests(AlertCluster cluster, ITestOutputHelper output) : IClassFixture<AlertCluster>
{
    private static readonly TimeSpan DeliveredWithin = TimeSpan.FromSeconds(30);

    /// <summary>
    /// From the write's acknowledgement: searchable through every node within about 1 s of it (docs/cluster.md), and
    /// delivered within 2 s of becoming searchable.
    /// </summary>
    private static readonly TimeSpan DeliveredAfterAcknowledgement = TimeSpan.FromSeconds(3);

    [PostgresFact]
    public async Task An_alert_saved_through_one_node_is_listed_and_deleted_through_another()
    {
        var (first, second) = (await cluster.Node[0].ClientAsync(), await cluster.Node[1].ClientAsync());

        var alert = await AlertCluster.SaveAsync(first, new { q = "saffron crop", region = new[] { "Spain" } });

        Assert.Contains((alert.Id, alert.Created), (await second.GetOk<List<AlertAnswer>>("/alerts")).Select(a => (a.Id, a.Created)));
        Assert.Equal(["Spain"], (await second.GetOk<AlertAnswer>($"/alerts/{alert.Id}")).Query.Region);
        Assert.Equal(HttpStatusCode.NoContent, (await second.DeleteAsync($"/alerts/{alert.Id}")).StatusCode);
        Assert.DoesNotContain(await first.GetOk<List<AlertAnswer>>("/alerts"), a => a.Id == alert.Id);
        await (await first.GetAsync($"/alerts/{alert.Id}")).ReadProblem(HttpStatusCode.NotFound);
    }

    [PostgresFact]
    public async Task An_article_written_through_a_node_is_delivered_once_to_the_webhook_and_on_a_stream_opened_on_another_node()
    {
        var (writer, reader) = (await cluster.Node[0].ClientAsync(), await cluster.Node[1].ClientAsync());
        await using var receiver = await new WebhookReceiver().StartAsync();
        var alert = await AlertCluster.SaveAsync(writer, new { q = "clove harvest", webhook = receiver.Url });
        using var stream = await reader.GetAsync($"/alerts/{alert.Id}/events", HttpCompletionOption.ResponseHeadersRead);
        using var lines = new StreamReader(await stream.Content.ReadAsStreamAsync());

        var acknowledged = await AlertCluster.PutAsync(writer, "zanzibar-cloves", "Zanzibar farm news",
            "Zanzibar clove farmers expect a record harvest this season.", "Prices held steady.");
        Assert.True(receiver.Received.TryTake(out var received, DeliveredWithin), "Nothing was delivered to the webhook.");
        var toWebhook = Stopwatch.GetElapsedTime(acknowledged);
        var (eventId, data) = await ServerSentEvents.NextAsync(lines, DeliveredWithin);
        var toStream = Stopwatch.GetElapsedTime(acknowledged);

        output.WriteLine($"After the write's acknowledgement: webhook {toWebhook.TotalMilliseconds:F0} ms, stream on the other node {toStream.TotalMilliseconds:F0} ms");
        var notice = ApiJson.Read<AlertNoticeAnswer>(received.Body);
        Assert.Equal(alert.Id, notice.AlertId);
        var hit = Assert.Single(notice.Hits);
        Assert.Equal(("zanzibar-cloves", 1), (hit.ArticleId, hit.Paragraph));
        Assert.Contains("<mark>harvest</mark>", hit.Snippet);
        Assert.Equal(received.EventId, eventId);
        Assert.Equal("zanzibar-cloves", Assert.Single(ApiJson.Read<AlertNoticeAnswer>(data).Hits).ArticleId);
        Assert.True(toWebhook < DeliveredAfterAcknowledgement, $"Delivered {toWebhook.TotalSeconds:F1} s after the write was acknowledged.");
        Assert.True(toStream < DeliveredAfterAcknowledgement, $"On the stream {toStream.TotalSeconds:F1} s after the write was acknowledged.");

        // Once: the next notice is the next article's, and nothing follows it.
        await AlertCluster.PutAsync(writer, "pemba-cloves", "Pemba farm news", "The clove harvest on Pemba started early.");
        Assert.True(receiver.Received.TryTake(out var next, DeliveredWithin), "The second article was not delivered.");
        Assert.Equal("pemba-cloves", Assert.Single(ApiJson.Read<AlertNoticeAnswer>(next.Body).Hits).ArticleId);
        Assert.Equal("pemba-cloves", Assert.Single(ApiJson.Read<AlertNoticeAnswer>((await ServerSentEvents.NextAsync(lines, DeliveredWithin)).Data).Hits).ArticleId);
        Assert.False(receiver.Received.TryTake(out var repeated, TimeSpan.FromSeconds(3)), $"Delivered more than once: {repeated.Body}");
    }

    [PostgresFact]
    public async Task A_stream_opened_on_another_node_resumes_after_the_last_event_id()
    {
        var (writer, reader) = (await cluster.Node[0].ClientAsync(), await cluster.Node[1].ClientAsync());
        var alert = await AlertCluster.SaveAsync(writer, new { q = "quokka census" });
        using var stream = await writer.GetAsync($"/alerts/{alert.Id}/events", HttpCompletionOption.ResponseHeadersRead);
        using var lines = new StreamReader(await stream.Content.ReadAsStreamAsync());
        await AlertCluster.PutAsync(writer, "rottnest-quokkas", "Quokka census", "The quokka census on Rottnest Island counted more animals.");
        var (first, _) = await ServerSentEvents.NextAsync(lines, DeliveredWithin);
        await AlertCluster.PutAsync(writer, "bald-island-quokkas", "Quokka census", "A quokka census on Bald Island is planned.");
        var (second, _) = await ServerSentEvents.NextAsync(lines, DeliveredWithin);

        using var resume = new HttpRequestMessage(HttpMethod.Get, $"/alerts/{alert.Id}/events");
        resume.Headers.Add("Last-Event-ID", first);
        using var resumed = await reader.SendAsync(resume, HttpCompletionOption.ResponseHeadersRead);
        using var resumedLines = new StreamReader(await resumed.Content.ReadAsStreamAsync());

        Assert.Equal(second, (await ServerSentEvents.NextAsync(resumedLines, DeliveredWithin)).Id);
    }

    /// <summary>
    /// A speaker filter matches every variant the cluster's speaker identity table knows, as a search's does: an alert on
    /// the surname gets an article whose speaker was resolved to the full name (fails with alerts compiled without the table).
    /// </summary>
    [PostgresFact]
    public async Task An_alert_on_a_speaker_s_surname_gets_an_article_where_the_table_resolved_it_to_the_full_name()
    {
        var (writer, other) = (await cluster.Node[0].ClientAsync(), await cluster.Node[1].ClientAsync());
        await AlertCluster.PutAsync(writer, "volcker-dollar", "Fed news", "\"The dollar has fallen enough,\" Federal Reserve Board Chairman Paul Volcker said.");
        await AlertCluster.PutAsync(writer, "volcker-banks", "Fed news", "\"The banks are sound,\" Federal Reserve Board Chairman Paul Volcker said.");
        await AlertCluster.PutAsync(writer, "volcker-prices", "Fed news", "\"Prices are stable,\" Volcker said.");
        foreach (var node in new[] { writer, other })
            await Eventually.True(async () => await SpeakerNameAsync(node, "Volcker") == "Paul Volcker", "Volcker resolved to Paul Volcker on every node");
        await using var receiver = await new WebhookReceiver().StartAsync();
        var alert = await AlertCluster.SaveAsync(writer, new { q = "interest rates", speaker = new[] { "Volcker" }, webhook = receiver.Url });

        await AlertCluster.PutAsync(writer, "volcker-rates", "Fed news", "\"The Fed will not let interest rates rise,\" Volcker said.");

        Assert.True(receiver.Received.TryTake(out var received, DeliveredWithin), "The article was not delivered to the alert on the surname.");
        var hit = Assert.Single(ApiJson.Read<AlertNoticeAnswer>(received.Body).Hits);
        Assert.Equal(("volcker-rates", alert.Id), (hit.ArticleId, ApiJson.Read<AlertNoticeAnswer>(received.Body).AlertId));
        Assert.Equal(["Paul Volcker"], hit.Speaker);
    }

    [PostgresFact]
    public async Task A_webhook_to_a_refused_address_is_a_400_on_any_node()
    {
        foreach (var node in cluster.Node)
        {
            var refused = await (await node.ClientAsync()).PostAsJsonAsync("/alerts", new { q = "metadata", webhook = "http://169.254.169.254/latest/meta-data/" });
            Assert.Equal("webhook", (await refused.ReadProblem(HttpStatusCode.BadRequest)).Parameter);
        }
    }

    /// <summary>
    /// An alert whose webhook was saved before <c>Search:Alerts:WebhookHosts</c> was checked, to a loopback address the
    /// cluster does not list (127.0.0.2; it lists 127.0.0.1): kept, matched and on its stream, but the percolating node never
    /// connects to the receiver listening there, and logs the refusal naming the host, not the URL's token.
    /// </summary>
    [PostgresFact]
    public async Task An_alert_saved_before_the_check_with_a_refused_webhook_is_kept_but_never_connects_to_it()
    {
        var writer = await cluster.Node[0].ClientAsync();
        await using var receiver = await new WebhookReceiver(address: "127.0.0.2").StartAsync();
        var alert = await AlertCluster.SaveAsync(writer, new { q = "narwhal tusk" });
        await cluster.SetWebhookAsync(alert.Id, new Uri(receiver.Url, "?token=s3cret-token"));
        using var stream = await writer.GetAsync($"/alerts/{alert.Id}/events", HttpCompletionOption.ResponseHeadersRead);
        using var lines = new StreamReader(await stream.Content.ReadAsStreamAsync());

        await AlertCluster.PutAsync(writer, "narwhal-tusks", "Arctic news", "A narwhal tusk was found on the shore of Baffin Island.");

        Assert.Equal("narwhal-tusks", Assert.Single(ApiJson.Read<AlertNoticeAnswer>((await ServerSentEvents.NextAsync(lines, DeliveredWithin)).Data).Hits).ArticleId);
        await Eventually.True(() => cluster.Node.Any(n => n.Output.Contains($"{alert.Id}: webhook host 127.0.0.2 refused", StringComparison.Ordinal)),
            "the refused connection logged by the percolating node");
        Assert.Empty(receiver.Received);
        Assert.All(cluster.Node, n => Assert.DoesNotContain("s3cret", n.Output));
        Assert.Contains(await writer.GetOk<List<AlertAnswer>>("/alerts"), a => a.Id == alert.Id);
    }

    private static async Task<string?> SpeakerNameAsync(HttpClient node, string name)
    {
        using var answer = await node.GetAsync($"/speakers/{name}");
        return answer.IsSuccessStatusCode ? ApiJson.Read<SpeakerProfileAnswer>(await answer.Content.ReadAsStringAsync()).Name : null;
    }
}
