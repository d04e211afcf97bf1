using Microsoft.AspNetCore.Hosting;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>
/// The seed API with an admin key on a real Kestrel listener on 127.0.0.1: the in-memory test server hands a streamed
/// answer (server-sent events) to its client only when the answer ends. Its webhooks may reach <see cref="WebhookReceiver"/>s.
/// </summary>
public sealed class KestrelAdminApiFactory : AdminApiFactory
{
    public KestrelAdminApiFactory() => UseKestrel(LoopbackPort.Free());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Search:Alerts:WebhookHosts:0", WebhookReceiver.Address);
    }
}
