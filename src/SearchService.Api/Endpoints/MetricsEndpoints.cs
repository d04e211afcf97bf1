using SearchService.Api.Cluster;
using SearchService.Api.Observability;

namespace SearchService.Api.Endpoints;

public static class MetricsEndpoints
{
    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder app)
    {
        // Created now, so the index gauges exist from the first scrape on, not only after the first search.
        app.ServiceProvider.GetRequiredService<ServiceMetrics>();
        var shards = app.ServiceProvider.GetService<ShardMetrics>();
        // The OpenTelemetry Prometheus exporter answers, behind a GET endpoint of our own: the exporter's
        // MapPrometheusScrapingEndpoint answers every method and is left out of the OpenAPI document.
        var exporter = app.CreateApplicationBuilder().UseOpenTelemetryPrometheusScrapingEndpoint(_ => true).Build();
        app.MapGet("/metrics", new Func<HttpContext, Task>(async context =>
            {
                // In cluster mode the shard gauges show the copies' statuses, gathered here since a gauge cannot wait.
                if (shards is not null)
                    await shards.RefreshAsync(context.RequestAborted);
                await exporter(context);
            }))
            .WithName("Metrics").WithTags("Health")
            .WithDescription("For a Prometheus scrape; needs the search key where one is set. The metrics and their labels are listed in docs/api.md.")
            .WithSummary("Prometheus text format: request counts, latency histogram, index size, indexing state, shard copies in cluster mode");
        return app;
    }
}
