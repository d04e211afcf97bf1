using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using SearchService.Api.Limits;

namespace SearchService.Tests.Api;

/// <summary>Reading Search:TrustedProxies into the forwarded-headers settings.</summary>
public sealed class TrustedProxiesTests
{
    [Fact]
    public void Addresses_and_networks_are_both_read()
    {
        var forwarded = new ForwardedHeadersOptions();
        TrustedProxies.Apply(forwarded, ["10.1.2.3", " 172.16.0.0/12 ", "2001:db8::/32"]);
        Assert.Equal([IPAddress.Parse("10.1.2.3")], forwarded.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("172.16.0.0/12"), System.Net.IPNetwork.Parse("2001:db8::/32")], forwarded.KnownIPNetworks);
        Assert.Equal(ForwardedHeaders.XForwardedFor, forwarded.ForwardedHeaders);
    }

    [Fact]
    public void No_trusted_proxy_reads_no_forwarded_header_not_even_from_loopback()
    {
        var forwarded = new ForwardedHeadersOptions();
        TrustedProxies.Apply(forwarded, []);
        Assert.Equal(ForwardedHeaders.None, forwarded.ForwardedHeaders);
        Assert.Empty(forwarded.KnownProxies);
    }

    [Theory]
    [InlineData("proxy.example")]
    [InlineData("10.0.0.0/40")]
    public void An_entry_that_is_no_address_stops_the_start_naming_the_setting(string entry)
    {
        var error = Assert.Throws<InvalidOperationException>(() => TrustedProxies.Apply(new ForwardedHeadersOptions(), [entry]));
        Assert.Contains(TrustedProxies.ConfigKey, error.Message);
        Assert.Contains(entry, error.Message);
    }
}
