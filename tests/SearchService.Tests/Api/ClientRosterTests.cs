using System.Net;
using Microsoft.AspNetCore.Hosting;
using SearchService.Api.Limits;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>The per-client limits keep at most so many clients apart; newcomers past that share one overflow limit.</summary>
public sealed class ClientRosterTests(ClientRosterTests.SmallRosterApiFactory api) : IClassFixture<ClientRosterTests.SmallRosterApiFactory>
{
    public sealed class SmallRosterApiFactory : SeedApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Search:SearchRequestsPerSecond", "3");
            builder.UseSetting("Search:MaxTrackedClients", "4");
            TestPeerAddress.AddTo(builder);
        }
    }

    [Fact]
    public void Clients_past_the_bound_share_the_overflow_partition()
    {
        var roster = new ClientRoster(2, new ManualClock());
        Assert.Equal("a", roster.PartitionFor("a"));
        Assert.Equal("b", roster.PartitionFor("b"));
        Assert.Equal(ClientRoster.Overflow, roster.PartitionFor("c"));
        Assert.Equal(2, roster.Count);
    }

    [Fact]
    public void Known_clients_keep_their_partition_when_the_roster_is_full()
    {
        var roster = new ClientRoster(2, new ManualClock());
        roster.PartitionFor("a");
        roster.PartitionFor("b");
        roster.PartitionFor("c");
        Assert.Equal("a", roster.PartitionFor("a"));
    }

    [Fact]
    public void Clients_unseen_for_a_while_make_room()
    {
        var clock = new ManualClock();
        var roster = new ClientRoster(2, clock);
        roster.PartitionFor("a");
        roster.PartitionFor("b");
        clock.Advance(ClientRoster.Memory + TimeSpan.FromSeconds(1));
        Assert.Equal("c", roster.PartitionFor("c"));
        Assert.Equal(1, roster.Count);
    }

    [Fact]
    public async Task Newcomers_past_the_bound_share_one_search_limit()
    {
        using var client = api.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var request = TestPeerAddress.Get("/search?q=terrorism", $"198.51.100.{i + 1}");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }
        Assert.All(statuses[..4], status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses[4..]);
    }
}
