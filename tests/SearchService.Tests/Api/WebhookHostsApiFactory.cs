using Microsoft.AspNetCore.Hosting;

namespace SearchService.Tests.Api;

/// <summary>The admin API whose webhooks may reach the cloud metadata address and the loopback network.</summary>
public sealed class WebhookHostsApiFactory : AdminApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Search:Alerts:WebhookHosts:0", "169.254.169.254");
        builder.UseSetting("Search:Alerts:WebhookHosts:1", "127.0.0.0/8");
    }
}
