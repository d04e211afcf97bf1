using OpenTelemetry.Metrics;

namespace SearchService.Api.Observability;

/// <summary>
/// Metrics through OpenTelemetry: ASP.NET Core's own HTTP server metrics (<c>http.server.request.duration</c> by
/// method, route and status, after the semantic conventions: an unknown method is <c>_OTHER</c>, an unmatched
/// request has no route) and <see cref="ServiceMetrics"/>, read by the Prometheus exporter at <c>GET /metrics</c>.
/// </summary>
public static class MetricsSetup
{
    public static WebApplicationBuilder AddServiceMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ServiceMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(ServiceMetrics.MeterName)
            // Every scrape collects afresh: a scrape is rare, and a cached answer would hide what just happened.
            .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        return builder;
    }
}
