using System.Net;
using SearchService.Core.Alerts;

namespace SearchService.Tests.Alerts;

/// <summary>
/// Which addresses and hosts a webhook may reach: public addresses, and what <c>Search:Alerts:WebhookHosts</c> lists
/// (names exact or under a domain, addresses, CIDR networks), judged on real addresses.
/// </summary>
public sealed class WebhookHostsTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.255.254", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.0.0.5", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("fc00::1", "private")]
    [InlineData("fd12:3456::1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("100.127.255.255", "carrier-grade NAT")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("::ffff:10.0.0.5", "private")]
    [InlineData("64:ff9b::a00:5", "private")] // NAT64's form of 10.0.0.5
    [InlineData("2002:a00:5::1", "private")] // 6to4's form of 10.0.0.5
    [InlineData("2002:7f00:1::", "loopback")] // 6to4's form of 127.0.0.1
    [InlineData("2002:a9fe:a9fe::1", "link-local")] // 6to4's form of 169.254.169.254
    [InlineData("2001:0:4136:e378:8000:63bf:f5ff:fffa", "private")] // Teredo, its client 10.0.0.5 (bits flipped)
    public void An_address_outside_the_public_internet_is_refused_by_default_saying_what_it_is(string address, string kind)
    {
        Assert.Contains(kind, WebhookHosts.PublicOnly.Refusal(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")] // just past 172.16.0.0/12
    [InlineData("100.128.0.1")] // just past 100.64.0.0/10
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("2002:808:808::1")] // 6to4's form of 8.8.8.8
    [InlineData("2001:0:4136:e378:8000:63bf:f7f7:f7f7")] // Teredo, its client 8.8.8.8 (bits flipped)
    public void A_public_address_is_allowed_by_default(string address)
    {
        Assert.Null(WebhookHosts.PublicOnly.Refusal(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("10.1.0.0/16", "10.1.2.3", true)]
    [InlineData("10.1.0.0/16", "::ffff:10.1.2.3", true)]
    [InlineData("10.1.0.0/16", "10.2.0.1", false)]
    [InlineData("127.0.0.1/8", "127.5.5.5", true)]
    [InlineData("127.0.0.1/32", "127.0.0.2", false)]
    [InlineData("::1/128", "::1", true)]
    [InlineData("::1/128", "127.0.0.1", false)]
    [InlineData("fd00::/8", "fd12::7", true)]
    [InlineData("169.254.169.254", "169.254.169.254", true)]
    [InlineData("169.254.169.254", "169.254.169.253", false)]
    [InlineData("[::1]", "::1", true)]
    public void A_listed_address_or_network_allows_the_addresses_within_it_and_no_other(string entry, string address, bool allowed)
    {
        Assert.Equal(allowed, WebhookHosts.Parse([entry]).Refusal(IPAddress.Parse(address)) is null);
    }

    [Theory]
    [InlineData("*.example.com", "hooks.example.com", true)]
    [InlineData("*.example.com", "a.b.example.com", true)]
    [InlineData("*.example.com", "HOOKS.Example.COM.", true)]
    [InlineData("*.example.com", "example.com", false)]
    [InlineData("*.example.com", "badexample.com", false)]
    [InlineData("hooks.internal", "hooks.internal", true)]
    [InlineData("hooks.internal", "other.hooks.internal", false)]
    public void A_listed_name_lists_itself_and_a_wildcard_the_names_under_its_domain(string entry, string host, bool listed)
    {
        Assert.Equal(listed, WebhookHosts.Parse([entry]).ListsName(host));
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/security-credentials/", "169.254.169.254", "link-local")]
    [InlineData("http://localhost:1/", "localhost", "loopback")]
    [InlineData("http://hooks.localhost/", "hooks.localhost", "loopback")]
    [InlineData("http://127.1/", "127.0.0.1", "loopback")]
    [InlineData("http://2130706433/", "127.0.0.1", "loopback")]
    [InlineData("http://[::1]:5432/", "::1", "loopback")]
    [InlineData("http://[::ffff:10.0.0.5]/admin", "::ffff:10.0.0.5", "private")]
    [InlineData("http://10.0.0.5/admin", "10.0.0.5", "private")]
    public void A_webhook_whose_host_names_a_refused_address_is_refused_when_saved_naming_the_host_and_the_setting(string url, string host, string kind)
    {
        var refusal = WebhookHosts.PublicOnly.Refusal(new Uri(url));

        Assert.NotNull(refusal);
        Assert.Contains($"host {host} is", refusal);
        Assert.Contains(kind, refusal);
        Assert.Contains(WebhookHosts.ConfigKey, refusal);
        Assert.DoesNotContain("meta-data", refusal);
    }

    [Theory]
    [InlineData("https://desk.example.com/hooks/cotton")] // not resolved when saved: judged at each connection
    [InlineData("http://8.8.8.8/hook")]
    [InlineData("https://[2606:4700:4700::1111]/hook")]
    public void A_webhook_to_a_name_or_a_public_address_is_saved(string url)
    {
        Assert.Null(WebhookHosts.PublicOnly.Refusal(new Uri(url)));
    }

    [Theory]
    [InlineData("localhost", "http://localhost:1/")]
    [InlineData("127.0.0.0/8", "http://localhost:1/")]
    [InlineData("::1", "http://localhost:1/")]
    [InlineData("169.254.169.254", "http://169.254.169.254/latest/meta-data/")]
    [InlineData("*.internal", "http://hooks.internal/")]
    [InlineData("10.0.0.0/8", "http://[::ffff:10.0.0.5]/")]
    public void A_webhook_the_setting_allows_is_saved(string entry, string url)
    {
        Assert.Null(WebhookHosts.Parse([entry]).Refusal(new Uri(url)));
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("hooks.example.com:8080")]
    [InlineData("http://hooks.example.com/")]
    [InlineData("*")]
    [InlineData("*.")]
    [InlineData("")]
    public void An_entry_that_is_no_host_address_or_network_is_a_problem_naming_it(string entry)
    {
        Assert.Contains($"'{entry}'", WebhookHosts.Problem([entry]));
        Assert.Throws<ArgumentException>(() => WebhookHosts.Parse([entry]));
    }

    [Fact]
    public void Names_addresses_and_networks_together_are_no_problem()
    {
        Assert.Null(WebhookHosts.Problem(["hooks.internal", "*.example.com", "10.0.0.5", "fd00::/8", "127.0.0.1/8", "::1"]));
    }
}
