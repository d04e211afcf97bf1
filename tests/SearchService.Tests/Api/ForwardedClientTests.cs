using System.Net;
using Microsoft.AspNetCore.Hosting;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>
/// Who the per-client search limit counts against: X-Forwarded-For only from a trusted proxy, an IPv6 client by its /64.
/// </summary>
public sealed class ForwardedClientTests(ForwardedClientTests.ProxiedApiFactory api) : IClassFixture<ForwardedClientTests.ProxiedApiFactory>
{
    private const string Proxy = "10.0.0.1";

    public sealed class ProxiedApiFactory : SeedApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Search:SearchRequestsPerSecond", "3");
            builder.UseSetting("Search:TrustedProxies:0", Proxy);
            builder.UseSetting("Search:TrustedProxies:1", "fd00:1::/32");
            TestPeerAddress.AddTo(builder);
        }
    }

    /// <summary>The statuses of ten searches sent at once, each from the peer and forwarded-for address given for it.</summary>
    private async Task<List<HttpStatusCode>> TenSearches(Func<int, string> peer, Func<int, string?> forwardedFor)
    {
        using var client = api.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var request = TestPeerAddress.Get("/search?q=terrorism", peer(i), forwardedFor(i));
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }
        return statuses;
    }

    [Fact]
    public async Task Forwarded_for_from_an_untrusted_peer_does_not_change_the_client()
    {
        var statuses = await TenSearches(_ => "192.0.2.10", i => $"198.51.100.{i}");
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task Forwarded_for_from_a_trusted_proxy_names_the_client()
    {
        var statuses = await TenSearches(_ => Proxy, i => $"198.51.100.{100 + i}");
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task Clients_behind_a_trusted_proxy_are_limited_each()
    {
        var statuses = await TenSearches(_ => Proxy, _ => "198.51.100.250");
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task Trusted_proxy_network_is_matched_by_its_prefix()
    {
        var statuses = await TenSearches(_ => "fd00:1:2::7", i => $"203.0.113.{i}");
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task IPv6_addresses_of_one_64_share_a_limit()
    {
        var statuses = await TenSearches(i => $"2001:db8:5:6::{i + 1:x}", _ => null);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task IPv6_addresses_of_different_64s_are_limited_apart()
    {
        var statuses = await TenSearches(i => $"2001:db8:7:{i + 1:x}::1", _ => null);
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }
}
