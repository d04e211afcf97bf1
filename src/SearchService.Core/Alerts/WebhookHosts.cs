using System.Net;
using IPNetwork = System.Net.IPNetwork;

namespace SearchService.Core.Alerts;

/// <summary>
/// The hosts and networks webhooks may reach besides the public internet (<see cref="ConfigKey"/>): host names, exact
/// (<c>hooks.internal</c>) or every name under a domain (<c>*.example.com</c>), IP addresses and CIDR networks
/// (<c>10.1.0.0/16</c>, <c>::1/128</c>). A listed name is allowed whatever it resolves to (the operator meant it); a
/// listed address or network is allowed by whatever name. Every other address must be public (<see cref="PublicAddresses"/>).
/// Checked when an alert is saved (<see cref="Refusal(Uri)"/>, without DNS) and at every connection (<see cref="WebhookConnection"/>).
/// </summary>
public sealed class WebhookHosts
{
    public const string ConfigKey = $"{SearchOptions.Section}:Alerts:WebhookHosts";

    /// <summary>What each entry may be, for the message that refuses one.</summary>
    public const string Forms = "a host name (hooks.example.com, *.example.com), an IP address (10.0.0.5) or a CIDR network (10.1.0.0/16)";

    private readonly HashSet<string> names;
    private readonly string[] domains;
    private readonly IPNetwork[] networks;

    private WebhookHosts(HashSet<string> names, string[] domains, IPNetwork[] networks) =>
        (this.names, this.domains, this.networks) = (names, domains, networks);

    /// <summary>None listed: public addresses only.</summary>
    public static WebhookHosts PublicOnly { get; } = Parse([]);

    /// <summary>The first entry that is not one of the <see cref="Forms"/>, in a sentence; null when all are.</summary>
    public static string? Problem(IEnumerable<string> entries) =>
        entries.FirstOrDefault(e => !TryRead(e, out _, out _)) is { } bad ? $"{ConfigKey}: '{bad}' is not {Forms}." : null;

    /// <exception cref="ArgumentException">An entry is not one of the <see cref="Forms"/>.</exception>
    public static WebhookHosts Parse(IEnumerable<string> entries)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var domains = new List<string>();
        var networks = new List<IPNetwork>();
        foreach (var entry in entries)
        {
            if (!TryRead(entry, out var name, out var network))
                throw new ArgumentException(Problem([entry]), nameof(entries));
            if (network is { } listed)
                networks.Add(listed);
            else if (name!.StartsWith("*.", StringComparison.Ordinal))
                domains.Add(name[1..]);
            else
                names.Add(name);
        }
        return new WebhookHosts(names, [.. domains], [.. networks]);
    }

    /// <summary>Reads one entry as a name (lower case, <c>*.</c> kept) or a network (an address is its own /32 or /128).</summary>
    private static bool TryRead(string entry, out string? name, out IPNetwork? network)
    {
        (name, network) = (null, null);
        var text = Normalize(entry);
        if (text.Contains('/'))
        {
            if (!IPNetwork.TryParse(text, out var parsed))
                return false;
            network = parsed;
            return true;
        }
        switch (Uri.CheckHostName(text))
        {
            case UriHostNameType.IPv4 or UriHostNameType.IPv6:
                var address = IPAddress.Parse(text);
                network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
                return true;
            case UriHostNameType.Dns:
                name = text;
                return true;
            default:
                name = text;
                return text.StartsWith("*.", StringComparison.Ordinal) && Uri.CheckHostName(text[2..]) == UriHostNameType.Dns;
        }
    }

    /// <summary>A host as it is compared: lower case, without IPv6 brackets or the root's trailing dot.</summary>
    public static string Normalize(string host) => host.Trim().Trim('[', ']').TrimEnd('.').ToLowerInvariant();

    /// <summary>Whether the name <paramref name="host"/> is listed, exactly or under a listed domain.</summary>
    public bool ListsName(string host)
    {
        var name = Normalize(host);
        return names.Contains(name) || domains.Any(d => name.EndsWith(d, StringComparison.Ordinal) && name.Length > d.Length);
    }

    /// <summary>Why a webhook may not connect to <paramref name="address"/> ("a loopback address"); null when it may.</summary>
    public string? Refusal(IPAddress address) =>
        networks.Any(n => n.Contains(address) || n.Contains(PublicAddresses.Carried(address))) ? null : PublicAddresses.Refusal(address);

    /// <summary>
    /// Why <paramref name="webhook"/> may not be saved, in a sentence naming the host and <see cref="ConfigKey"/>; null when
    /// it may. No DNS: an address literal is judged, and <c>localhost</c> (and names under it) as the loopback addresses
    /// it names; any other name is judged at each connection, by what it resolves to then.
    /// </summary>
    public string? Refusal(Uri webhook)
    {
        var host = Normalize(webhook.HostNameType is UriHostNameType.IPv6 ? webhook.Host : webhook.IdnHost);
        var kind = webhook.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 ? Refusal(IPAddress.Parse(host))
            : IsLoopbackName(host) && !ListsName(host) && Refusal(IPAddress.Loopback) is not null && Refusal(IPAddress.IPv6Loopback) is not null
                ? "a name of the loopback addresses"
                : null;
        return kind is null ? null : $"webhook's host {host} is {kind}: webhooks reach only public addresses unless {ConfigKey} lists the host or its network.";
    }

    /// <summary><c>localhost</c> and the names under it, which name the loopback addresses (RFC 6761) without asking DNS.</summary>
    private static bool IsLoopbackName(string host) => host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal);
}
