using System.Net;
using IPNetwork = System.Net.IPNetwork;

namespace SearchService.Core.Alerts;

/// <summary>
/// Which addresses are the public internet's, for webhooks: a webhook POSTs from the service's own network position, so
/// an address only that position reaches (loopback, a private network, cloud metadata on link-local) is refused unless
/// <see cref="WebhookHosts"/> allows it. IPv4-mapped IPv6 addresses (<c>::ffff:10.0.0.5</c>), the NAT64 prefix
/// (<c>64:ff9b::/96</c>), 6to4 (<c>2002::/16</c>, RFC 3056) and Teredo (<c>2001::/32</c>, RFC 4380: its client's address,
/// where the packets are delivered) are judged by the IPv4 address they carry, as a host with such a tunnel would reach
/// it; of IPv6 only global unicast (<c>2000::/3</c>) is public,
/// which leaves out loopback, unspecified, unique-local (<c>fc00::/7</c>), link-local (<c>fe80::/10</c>) and multicast.
/// </summary>
public static class PublicAddresses
{
    private static readonly (IPNetwork Network, string Kind)[] RefusedIPv4 =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "an unspecified address"),
        (IPNetwork.Parse("10.0.0.0/8"), "a private address"),
        (IPNetwork.Parse("100.64.0.0/10"), "a carrier-grade NAT address"),
        (IPNetwork.Parse("127.0.0.0/8"), "a loopback address"),
        (IPNetwork.Parse("169.254.0.0/16"), "a link-local address (cloud metadata answers there)"),
        (IPNetwork.Parse("172.16.0.0/12"), "a private address"),
        (IPNetwork.Parse("192.168.0.0/16"), "a private address"),
        (IPNetwork.Parse("224.0.0.0/4"), "a multicast address"),
        (IPNetwork.Parse("240.0.0.0/4"), "a reserved or broadcast address"),
    ];

    private static readonly (IPNetwork Network, string Kind)[] RefusedIPv6 =
    [
        (IPNetwork.Parse("::/128"), "an unspecified address"),
        (IPNetwork.Parse("::1/128"), "a loopback address"),
        (IPNetwork.Parse("fc00::/7"), "a private (unique-local) address"),
        (IPNetwork.Parse("fe80::/10"), "a link-local address"),
        (IPNetwork.Parse("ff00::/8"), "a multicast address"),
    ];

    private static readonly IPNetwork GlobalUnicast = IPNetwork.Parse("2000::/3");
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    private static readonly IPNetwork Teredo = IPNetwork.Parse("2001::/32");

    /// <summary>Why <paramref name="address"/> is not a public address ("a loopback address"); null when it is one.</summary>
    public static string? Refusal(IPAddress address)
    {
        var judged = Carried(address);
        if (judged.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            return Kind(RefusedIPv4, judged);
        return Kind(RefusedIPv6, judged) ?? (GlobalUnicast.Contains(judged) ? null : "a reserved address");
    }

    /// <summary>The IPv4 address an IPv4-mapped, NAT64, 6to4 or Teredo address carries; any other address itself.</summary>
    public static IPAddress Carried(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            return address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            return address;
        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address))
            return new IPAddress(bytes.AsSpan(12));
        if (SixToFour.Contains(address))
            return new IPAddress(bytes.AsSpan(2, 4));
        if (Teredo.Contains(address))
        {
            // The client's address is stored with every bit flipped.
            var client = bytes.AsSpan(12).ToArray();
            for (var i = 0; i < client.Length; i++)
                client[i] = (byte)~client[i];
            return new IPAddress(client);
        }
        return address;
    }

    private static string? Kind((IPNetwork Network, string Kind)[] refused, IPAddress address)
    {
        foreach (var (network, kind) in refused)
        {
            if (network.Contains(address))
                return kind;
        }
        return null;
    }
}
