using System.Net;
using System.Net.Sockets;

namespace SearchService.Tests.TestSupport;

/// <summary>Ports on 127.0.0.1 for servers a test starts, and for one that nothing answers on.</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listens on now: the system gave it to a listener that is closed again.</summary>
    public static int Free()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
