using Microsoft.Extensions.Diagnostics.HealthChecks;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Api.Startup;

/// <summary>
/// Ready once start-up has opened the index (<see cref="ServiceInitializer"/>), while it answers searches and takes
/// writes (not closed, no failed commit or journal write); it may still be indexing. Each way of not being ready says
/// which it is, since only some need a restart.
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
            if (services.GetRequiredService<ArticleStore>().WritesStoppedBecause is { } reason)
                return Task.FromResult(HealthCheckResult.Unhealthy(
                    $"Writes are stopped until the service restarts: {reason}. Searches are still answered."));
            if (services.GetRequiredService<SearchIndex>().IsHealthy)
                return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception e) when (e is ObjectDisposedException or IOException)
        {
            logger.LogWarning(e, "Readiness probe failed");
        }
        return Task.FromResult(HealthCheckResult.Unhealthy("The index cannot answer searches; restart the service."));
    }
}
