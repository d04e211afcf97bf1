using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace SearchService.Core.Alerts;

/// <summary>
/// Opens a webhook POST's connections (<see cref="SocketsHttpHandler.ConnectCallback"/>), so every connection, not just
/// the URL saved, is checked against <see cref="WebhookHosts"/>: the host is resolved here, and only the addresses it
/// allows are connected to, in the order DNS gave them. A name that resolves, or rebinds after the alert was saved, to
/// refused addresses alone is never connected to (<see cref="WebhookHostRefusedException"/>); a listed name is connected
/// to whatever it resolves to.
/// </summary>
public sealed class WebhookConnection(WebhookHosts hosts)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellation)
    {
        var host = WebhookHosts.Normalize(context.DnsEndPoint.Host);
        IPAddress[] resolved = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellation);
        var listed = hosts.ListsName(host);
        var allowed = resolved.Where(a => listed || hosts.Refusal(a) is null).ToList();
        if (allowed.Count == 0 && resolved.Length > 0)
            throw new WebhookHostRefusedException(host, resolved.Select(a => $"{a} is {hosts.Refusal(a)}"));
        SocketException? failed = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellation);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                failed = e; // the next address may answer, as the handler's own connect would try it
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw failed ?? new SocketException((int)SocketError.HostNotFound);
    }
}
