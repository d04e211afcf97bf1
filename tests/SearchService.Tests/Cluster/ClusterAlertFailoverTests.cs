using SearchService.Tests.Api;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// The node percolating alerts killed (SIGKILL): its lease ends with its PostgreSQL session, the other node takes it
/// and resumes from the version percolation recorded last, so a write made after the kill is still delivered.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ClusterAlertFailoverTests(AlertCluster cluster) : IClassFixture<AlertCluster>
{
    private static readonly TimeSpan DeliveredWithin = TimeSpan.FromSeconds(30);

    [PostgresFact]
    public async Task A_write_after_the_percolating_node_is_killed_is_delivered_by_the_other()
    {
        var survivor = await cluster.Node[1].ClientAsync();
        await using var receiver = await new WebhookReceiver().StartAsync();
        var alert = await AlertCluster.SaveAsync(survivor, new { q = "pangolin rescue", webhook = receiver.Url });
        using var stream = await survivor.GetAsync($"/alerts/{alert.Id}/events", HttpCompletionOption.ResponseHeadersRead);
        using var lines = new StreamReader(await stream.Content.ReadAsStreamAsync());
        await AlertCluster.PutAsync(survivor, "pangolin-before", "Pangolin rescue", "A pangolin rescue centre opened in Hanoi.");
        Assert.True(receiver.Received.TryTake(out var before, DeliveredWithin), "Nothing was delivered before the kill.");
        Assert.Equal("pangolin-before", Assert.Single(ApiJson.Read<AlertNoticeAnswer>(before.Body).Hits).ArticleId);

        cluster.Node[0].Kill(); // the fixture's first node: it holds percolation
        await cluster.Node[0].ExitCode();
        await AlertCluster.PutAsync(survivor, "pangolin-after", "Pangolin rescue", "Pangolin rescue workers freed twelve animals.");

        // At least once: the killed node may have delivered the first notice without recording so; the other sends it again.
        while (true)
        {
            Assert.True(receiver.Received.TryTake(out var after, DeliveredWithin), "The write after the kill was not delivered.");
            if (Assert.Single(ApiJson.Read<AlertNoticeAnswer>(after.Body).Hits).ArticleId == "pangolin-after")
                break;
            Assert.Equal(before.EventId, after.EventId);
        }
        Assert.Equal("pangolin-before", Assert.Single(ApiJson.Read<AlertNoticeAnswer>((await ServerSentEvents.NextAsync(lines, DeliveredWithin)).Data).Hits).ArticleId);
        Assert.Equal("pangolin-after", Assert.Single(ApiJson.Read<AlertNoticeAnswer>((await ServerSentEvents.NextAsync(lines, DeliveredWithin)).Data).Hits).ArticleId);
        Assert.True(await cluster.PercolationHeldAsync());
    }
}
