using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Alerts;
using SearchService.Tests.Api;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Alerts;

/// <summary>The notices handed over together are kept in one flushed outbox file, and a restart sends again those not yet delivered.</summary>
public sealed class WebhookSenderTests : IDisposable
{
    private readonly TempDirectory folder = new();

    [Fact]
    public async Task A_batch_of_notices_is_kept_in_one_outbox_file_and_each_is_sent_again_after_a_restart()
    {
        await using var receiver = await new WebhookReceiver(failFirst: 2).StartAsync();
        var batch = new[]
        {
            Notice(receiver.Url, "acotton", 1, "karachi-cotton", "Cotton exports from Karachi rose in March."),
            Notice(receiver.Url, "acotton", 2, "lahore-cotton", "Cotton growers in Punjab expect a larger crop."),
            Notice(receiver.Url, "arice", 3, "karachi-cotton", "Rice and cotton shipments left Karachi on time."),
        };
        using (var stopped = new WebhookSender(folder.Path, NullLogger<WebhookSender>.Instance, WebhookReceiver.Hosts) { BackoffUnit = TimeSpan.FromHours(1) })
        {
            stopped.Send(batch);

            Assert.Single(OutboxFiles());
            // Each alert's first attempt is refused, its retry an hour away when the process stops.
            await Eventually.True(() => receiver.Received.Count == 2, "each alert's first attempt");
        }

        using var restarted = new WebhookSender(folder.Path, NullLogger<WebhookSender>.Instance, WebhookReceiver.Hosts);
        Assert.Equal(batch.Select(n => n.Event.Id), restarted.ResendPending(_ => true).Select(e => e.Id));
        await Eventually.True(() => receiver.Received.Count(r => r.Accepted) == 3, "every notice delivered after the restart");
        var accepted = receiver.Received.Where(r => r.Accepted).ToList();
        Assert.Equal(batch.Select(n => n.Event.Id.ToString()).Order(), accepted.Select(r => r.EventId).Order());
        var cotton = accepted.Select(r => ApiJson.Read<AlertNoticeAnswer>(r.Body)).Where(n => n.AlertId == "acotton").ToList();
        Assert.Equal(["karachi-cotton", "lahore-cotton"], cotton.Select(n => Assert.Single(n.Hits).ArticleId));
        await Eventually.True(() => OutboxFiles().Length == 0, "the outbox file removed once its notices are delivered");
    }

    [Fact]
    public async Task A_batch_whose_write_fails_before_its_flush_is_not_sent_and_is_not_read_back_after_a_restart()
    {
        await using var receiver = await new WebhookReceiver().StartAsync();
        using (var crashing = new WebhookSender(folder.Path, NullLogger<WebhookSender>.Instance, WebhookReceiver.Hosts))
        {
            crashing.BeforeFlush = () => throw new IOException("No space left on device");

            Assert.Throws<IOException>(() => crashing.Send([Notice(receiver.Url, "acotton", 1, "karachi-cotton", "Cotton exports from Karachi rose in March.")]));
            Assert.EndsWith(".tmp", Assert.Single(OutboxFiles()));
        }

        using var restarted = new WebhookSender(folder.Path, NullLogger<WebhookSender>.Instance, WebhookReceiver.Hosts);
        Assert.Empty(restarted.ResendPending(_ => true));
        Assert.Empty(OutboxFiles());
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task A_notice_refused_at_every_attempt_is_given_up_after_six_and_its_outbox_file_removed()
    {
        await using var receiver = await new WebhookReceiver(failFirst: int.MaxValue).StartAsync();
        using var sender = new WebhookSender(folder.Path, NullLogger<WebhookSender>.Instance, WebhookReceiver.Hosts) { BackoffUnit = TimeSpan.FromMilliseconds(10) };

        sender.Send([Notice(receiver.Url, "acotton", 1, "karachi-cotton", "Cotton exports from Karachi rose in March.")]);

        await Eventually.True(() => OutboxFiles().Length == 0, "the notice given up and its file removed");
        await Task.Delay(TimeSpan.FromSeconds(1)); // a seventh attempt, were there one, would come meanwhile
        Assert.Equal(WebhookSender.Attempts, receiver.Received.Count);
        Assert.All(receiver.Received, r => Assert.Equal(("1", false), (r.EventId, r.Accepted)));
    }

    [Fact]
    public async Task No_more_posts_than_the_bound_are_under_way_at_once_across_alerts_and_all_are_delivered()
    {
        const int bound = 4, alerts = 40;
        await using var receiver = await new WebhookReceiver().StartAsync();
        receiver.HoldAnswers();
        using var sender = new WebhookSender(folder.Path, NullLogger<WebhookSender>.Instance, WebhookReceiver.Hosts, bound);

        sender.Send([.. Enumerable.Range(1, alerts).Select(a => Notice(receiver.Url, $"a{a}", a, "karachi-cotton", "Cotton exports from Karachi rose in March."))]);

        await Eventually.True(() => receiver.InFlight >= bound, "the bound's worth of POSTs held by the receiver");
        await Task.Delay(TimeSpan.FromMilliseconds(500)); // a POST past the bound, were one allowed, would arrive meanwhile
        Assert.Equal(bound, receiver.MostInFlight);
        receiver.ReleaseAnswers();
        await Eventually.True(() => receiver.Received.Count == alerts, "every alert's notice delivered once slots free up");
        Assert.Equal(bound, receiver.MostInFlight);
        Assert.All(receiver.Received, r => Assert.True(r.Accepted));
    }

    /// <remarks>
    /// <c>localhost</c> names the loopback addresses without DNS, as a name saved before the check, or one that rebinds
    /// after it was saved, would come to: the connection is refused, so the receiver listening there sees no POST.
    /// </remarks>
    [Fact]
    public async Task A_webhook_whose_name_resolves_to_loopback_is_never_connected_to_unless_the_setting_allows_127_0_0_1_8()
    {
        await using var receiver = await new WebhookReceiver().StartAsync();
        var log = new RecordingLogger<WebhookSender>();
        var webhook = new Uri($"http://desk:s3cret-user@localhost:{receiver.Url.Port}/hook?token=s3cret-token");
        using (var publicOnly = new WebhookSender(folder.Path, log, WebhookHosts.PublicOnly) { BackoffUnit = TimeSpan.FromMilliseconds(10) })
        {
            publicOnly.Send([Notice(webhook, "acotton", 1, "karachi-cotton", "Cotton exports from Karachi rose in March.")]);

            await Eventually.True(() => OutboxFiles().Length == 0, "the notice given up and its file removed");
            await Task.Delay(TimeSpan.FromMilliseconds(500)); // a POST under way, were one allowed, would arrive meanwhile
        }

        Assert.Empty(receiver.Received);
        var refused = log.Entries.Where(e => e.Message.Contains("refused", StringComparison.Ordinal)).ToList();
        Assert.Equal(WebhookSender.Attempts, refused.Count);
        Assert.All(refused, e => Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, e.Level));
        Assert.All(refused, e => Assert.Contains("acotton", e.Message));
        Assert.All(refused, e => Assert.Contains("localhost", e.Message));
        Assert.All(refused, e => Assert.Contains(WebhookHosts.ConfigKey, e.Message));
        Assert.All(log.Entries, e => Assert.DoesNotContain("s3cret", e.Message));
        Assert.All(log.Entries, e => Assert.DoesNotContain("/hook", e.Message));

        using var allowing = new WebhookSender(folder.Path, log, WebhookHosts.Parse(["127.0.0.1/8"]));
        allowing.Send([Notice(webhook, "acotton", 2, "karachi-cotton", "Cotton exports from Karachi rose in March.")]);
        Assert.True(receiver.Received.TryTake(out var received, TimeSpan.FromSeconds(30)), "Nothing was delivered with 127.0.0.1/8 allowed.");
        Assert.Equal(("2", true), (received.EventId, received.Accepted));
    }

    /// <remarks>A redirect would send the POST where the check never saw the URL: it is an answer like a 500, retried.</remarks>
    [Fact]
    public async Task A_redirect_is_not_followed_but_retried_as_a_failed_attempt()
    {
        await using var target = await new WebhookReceiver().StartAsync();
        await using var redirecting = await new WebhookReceiver(redirectTo: target.Url).StartAsync();
        using var sender = new WebhookSender(folder.Path, NullLogger<WebhookSender>.Instance, WebhookReceiver.Hosts) { BackoffUnit = TimeSpan.FromMilliseconds(10) };

        sender.Send([Notice(redirecting.Url, "acotton", 1, "karachi-cotton", "Cotton exports from Karachi rose in March.")]);

        await Eventually.True(() => OutboxFiles().Length == 0, "the notice given up and its file removed");
        Assert.Equal(WebhookSender.Attempts, redirecting.Received.Count);
        Assert.Empty(target.Received);
    }

    private string[] OutboxFiles() => Directory.GetFiles(Path.Combine(folder.Path, WebhookSender.OutboxFolderName));

    private static PendingWebhook Notice(Uri webhook, string alertId, long eventId, string articleId, string paragraph) =>
        new(webhook, new AlertEvent(eventId, new AlertNotice(alertId,
            [new AlertHit(articleId, 1, "Pakistan cotton", paragraph, null, ["Pakistan"], ["Trade"], [])])));

    public void Dispose() => folder.Dispose();
}
