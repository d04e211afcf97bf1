using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SearchService.Api.Startup;

namespace SearchService.Api.Endpoints;

/// <summary>
/// Probes for orchestrators: liveness (the process answers) and readiness (the health checks tagged
/// <see cref="IndexReadinessCheck.ReadyTag"/>: start-up has opened the index, which answers searches).
/// </summary>
public static class ProbeEndpoints
{
    public static IEndpointRouteBuilder MapProbeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => TypedResults.Ok(new Probe("alive")))
            .WithDescription("For an orchestrator's liveness probe: needs no key and is not rate limited.")
            .WithName("Liveness").WithTags("Health").WithSummary("200 while the process answers at all")
            .AllowAnonymous();
        app.MapGet("/health/ready", Ready)
            .WithName("Readiness").WithTags("Health")
            .WithDescription("For an orchestrator's readiness probe: needs no key and is not rate limited. 503 while the index is being opened, " +
                "once it cannot answer searches, or once writes are stopped (after a failed commit or journal write, until a restart); its detail says which.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("200 once the index is open and answers searches (it may still be indexing), else 503")
            .AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<Probe>, ProblemHttpResult>> Ready(HealthCheckService health, CancellationToken cancellation)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(IndexReadinessCheck.ReadyTag), cancellation);
        if (report.Status == HealthStatus.Healthy)
            return TypedResults.Ok(new Probe("ready"));
        // Each failing check says why (still opening, writes stopped, not a cluster member), which says whether to restart;
        // a check that threw is named only, since its exception's message is not for anonymous callers.
        var why = string.Join(" ", report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e =>
            e.Value.Exception is null && e.Value.Description is { } description ? description : $"The {e.Key} check failed; the service's log says why."));
        return TypedResults.Problem(detail: why,
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready");
    }
}

/// <summary>What a probe answers.</summary>
public sealed record Probe(string Status);
