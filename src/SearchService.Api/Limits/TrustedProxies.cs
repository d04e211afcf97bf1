using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace SearchService.Api.Limits;

/// <summary>
/// Sets the forwarded-headers middleware to take the client's address from <c>X-Forwarded-For</c> only when the
/// connection comes from one of <c>Search:TrustedProxies</c>; by default (and ASP.NET Core's, loopback) no one is trusted.
/// </summary>
public static class TrustedProxies
{
    public const string ConfigKey = "Search:TrustedProxies";

    public static void Apply(ForwardedHeadersOptions forwarded, IEnumerable<string> proxies)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        // Through a chain of trusted proxies, back to the first address that is not one: that is the client.
        forwarded.ForwardLimit = null;
        foreach (var entry in proxies.Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            if (entry.Contains('/') && IPNetwork.TryParse(entry, out var network))
                forwarded.KnownIPNetworks.Add(network);
            else if (!entry.Contains('/') && IPAddress.TryParse(entry, out var address))
                forwarded.KnownProxies.Add(address);
            else
                throw new InvalidOperationException($"{ConfigKey}: '{entry}' is neither an IP address nor a network like 10.0.0.0/8.");
        }
        // With both lists empty the middleware would believe every peer, so with no trusted proxy it reads nothing.
        if (forwarded.KnownProxies.Count == 0 && forwarded.KnownIPNetworks.Count == 0)
            forwarded.ForwardedHeaders = ForwardedHeaders.None;
    }
}
