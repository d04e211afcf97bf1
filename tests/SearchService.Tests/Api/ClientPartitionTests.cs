using System.Net;
using SearchService.Api.Limits;

namespace SearchService.Tests.Api;

/// <summary>Which partition of the per-client limits an address falls in.</summary>
public sealed class ClientPartitionTests
{
    [Fact]
    public void IPv6_address_counts_as_its_64()
    {
        Assert.Equal(ClientPartition.For(IPAddress.Parse("2001:db8:1:2:aaaa::1")), ClientPartition.For(IPAddress.Parse("2001:db8:1:2:ffff:1:2:3")));
    }

    [Fact]
    public void IPv4_mapped_into_IPv6_counts_as_the_IPv4_address()
    {
        Assert.Equal(ClientPartition.For(IPAddress.Parse("192.0.2.7")), ClientPartition.For(IPAddress.Parse("::ffff:192.0.2.7")));
    }

    [Fact]
    public void IPv4_addresses_count_apart()
    {
        Assert.NotEqual(ClientPartition.For(IPAddress.Parse("192.0.2.7")), ClientPartition.For(IPAddress.Parse("192.0.2.8")));
    }
}
