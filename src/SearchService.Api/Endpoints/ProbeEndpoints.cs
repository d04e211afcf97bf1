using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Api.Endpoints;

/// <summary>Probes for orchestrators: liveness (the process answers) and readiness (the index is open and searchable).</summary>
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
            .WithDescription("For an orchestrator's readiness probe: needs no key and is not rate limited. 503 when the index cannot answer " +
                "searches or write safely; the service then needs a restart.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("200 once the index is open and answers searches (it may still be indexing), else 503")
            .AllowAnonymous();
        return app;
    }

    private static Results<Ok<Probe>, ProblemHttpResult> Ready(ArticleLookup articles, SearchIndex index, ILogger<Probe> logger)
    {
        try
        {
            articles.Statistics();
            if (index.IsHealthy)
                return TypedResults.Ok(new Probe("ready"));
        }
        catch (Exception e) when (e is ObjectDisposedException or IOException)
        {
            logger.LogWarning(e, "Readiness probe failed");
        }
        return TypedResults.Problem(detail: "The index cannot answer searches or write safely; restart the service.",
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready");
    }
}

/// <summary>What a probe answers.</summary>
public sealed record Probe(string Status);
