namespace SearchService.Core.Alerts;

/// <summary>
/// A webhook's host resolved only to addresses <see cref="WebhookHosts"/> refuses: it was not connected to. The message
/// names the host and its addresses, never the URL's path, query or user info (they may hold the receiver's token).
/// </summary>
public sealed class WebhookHostRefusedException(string host, IEnumerable<string> refusals)
    : IOException($"{host} was not connected to: {string.Join("; ", refusals)}; {WebhookHosts.ConfigKey} does not list it.")
{
    public string Host { get; } = host;
}
