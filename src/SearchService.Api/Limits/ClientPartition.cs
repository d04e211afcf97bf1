using System.Net;
using System.Net.Sockets;

namespace SearchService.Api.Limits;

/// <summary>
/// Who a request counts against in the per-client limits: its address (after a trusted proxy's
/// <c>X-Forwarded-For</c>), an IPv6 address by its /64, since one subscriber is commonly given a whole /64.
/// </summary>
public static class ClientPartition
{
    public static string For(HttpContext context) => For(context.Connection.RemoteIpAddress);

    public static string For(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            return address.MapToIPv4().ToString();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        bytes.AsSpan(8).Clear();
        return new IPAddress(bytes) + "/64";
    }
}
