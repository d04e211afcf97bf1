using SearchService.Api.Observability;

namespace SearchService.Api.Endpoints;

public static class MetricsEndpoints
{
    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", (ServiceMetrics metrics) => TypedResults.Text(metrics.Render(), "text/plain; version=0.0.4; charset=utf-8"))
            .WithName("Metrics").WithTags("Health")
            .WithDescription("For a Prometheus scrape; needs the search key where one is set. The metrics and their labels are listed in docs/api.md.")
            .WithSummary("Prometheus text format: request counts, latency histogram, index size, indexing state");
        return app;
    }
}
