using Microsoft.Extensions.Diagnostics.HealthChecks;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Api.Startup;

/// <summary>
/// Ready once start-up has opened the index (<see cref="ServiceInitializer"/>), while it answers searches and takes
/// writes safely (not closed, no failed commit); it may still be indexing.
/// </summary>
public sealed class IndexReadinessCheck(IndexOpener opener, IServiceProvider services, ILogger<IndexReadinessCheck> logger) : IHealthCheck
{
    /// <summary>The tag of the checks <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!opener.IsOpen)
            return Task.FromResult(HealthCheckResult.Unhealthy("The index is still being opened."));
        try
        {
            services.GetRequiredService<ArticleLookup>().Statistics();
            if (services.GetRequiredService<SearchIndex>().IsHealthy)
                return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception e) when (e is ObjectDisposedException or IOException)
        {
            logger.LogWarning(e, "Readiness probe failed");
        }
        return Task.FromResult(HealthCheckResult.Unhealthy("The index cannot answer searches or write safely."));
    }
}
