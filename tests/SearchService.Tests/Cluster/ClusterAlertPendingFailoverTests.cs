using System.Diagnostics;
using SearchService.Tests.Api;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// A webhook notice still pending in PostgreSQL when the node percolating alerts is killed (SIGKILL), its receiver
/// holding the POST unanswered: the other node takes the lease and sends it again, with the same event id, and the
/// receiver, answering now, gets it from that node. A cluster of its own: the kill ends the fixture's first node.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ClusterAlertPendingFailoverTests(AlertCluster cluster) : IClassFixture<AlertCluster>
{
    private static readonly TimeSpan DeliveredWithin = TimeSpan.FromSeconds(30);

    [PostgresFact]
    public async Task A_notice_pending_when_its_holder_is_killed_is_sent_by_the_next_holder_with_the_same_event_id()
    {
        var survivor = await cluster.Node[1].ClientAsync();
        await using var receiver = await new WebhookReceiver().StartAsync();
        receiver.HoldAnswers();
        var alert = await AlertCluster.SaveAsync(survivor, new { q = "okapi sighting", webhook = receiver.Url });
        await AlertCluster.PutAsync(survivor, "okapi", "Okapi sighting", "An okapi sighting was confirmed in Ituri.");
        var clock = Stopwatch.StartNew();
        while (receiver.InFlight == 0) // the percolating node's POST, held unanswered: the notice stays pending
        {
            Assert.True(clock.Elapsed < DeliveredWithin, "The percolating node sent nothing.");
            await Task.Delay(50);
        }

        var fromKilled = receiver.InFlight; // only the lease holder sends: each of these is the killed node's
        cluster.Node[0].Kill(); // the fixture's first node: it holds percolation
        await cluster.Node[0].ExitCode();
        receiver.ReleaseAnswers();

        var killed = Enumerable.Range(0, fromKilled).Select(_ => Taken(receiver)).ToList();
        var resent = Taken(receiver);
        Assert.True(resent.Accepted);
        Assert.Equal("okapi", Assert.Single(ApiJson.Read<AlertNoticeAnswer>(resent.Body).Hits).ArticleId);
        Assert.Equal(alert.Id, ApiJson.Read<AlertNoticeAnswer>(resent.Body).AlertId);
        Assert.All(killed, k => Assert.Equal(k.EventId, resent.EventId));
        Assert.False(string.IsNullOrEmpty(resent.EventId));
    }

    private static (string? EventId, string Body, bool Accepted) Taken(WebhookReceiver receiver)
    {
        Assert.True(receiver.Received.TryTake(out var taken, DeliveredWithin), "The pending notice was not sent again by the next holder.");
        return taken;
    }
}
