using Microsoft.AspNetCore.Hosting;

namespace SearchService.Tests.Api;

/// <summary>The admin API allowing <see cref="MaxAlerts"/> alerts.</summary>
public sealed class AlertLimitApiFactory : AdminApiFactory
{
    public const int MaxAlerts = 2;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Search:Alerts:MaxAlerts", MaxAlerts.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
