using Microsoft.AspNetCore.Http;
using SearchService.Api.Endpoints;
using SearchService.Api.Limits;
using SearchService.Api.Observability;
using SearchService.Api.Problems;
using SearchService.Api.Security;
using SearchService.Core;

namespace SearchService.Api;

/// <summary>Keys, limits, request logging and metrics, and the endpoints that go with them (probes, metrics).</summary>
public static class ReliabilitySetup
{
    public static WebApplicationBuilder AddReliability(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SearchOptions.Section);
        builder.Services.Configure<AccessOptions>(section);
        builder.AddRequestLimits(section.Get<AccessOptions>() ?? new AccessOptions());
        builder.AddServiceMetrics();
        // Every problem answer names the request id that the logs carry for it, and a type even where ASP.NET Core has none.
        builder.Services.Configure<ProblemDetailsOptions>(options =>
        {
            var earlier = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                earlier?.Invoke(context);
                context.ProblemDetails.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
                UnsupportedMediaTypeProblem.FillIn(context.ProblemDetails, context.HttpContext.Request);
                ProblemTypes.FillIn(context.ProblemDetails);
            };
        });
        return builder;
    }

    /// <summary>
    /// Goes first in the pipeline, so request logging sees every answer, even a refused one; the client's address is
    /// settled before anything counts against it.
    /// </summary>
    public static WebApplication UseReliability(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<RequestLogging>();
        return app;
    }

    public static WebApplication MapReliabilityEndpoints(this WebApplication app)
    {
        app.MapProbeEndpoints();
        app.MapMetricsEndpoints();
        return app;
    }
}
