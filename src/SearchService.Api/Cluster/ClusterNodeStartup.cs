using Microsoft.Extensions.Options;
using SearchService.Api.Startup;
using SearchService.Cluster.Shards;
using SearchService.Cluster.Storage;
using SearchService.Core.Facets;

namespace SearchService.Api.Cluster;

/// <summary>
/// A node's start. Before its silo joins: opening the article log, which makes or completes the database's schema
/// (Orleans' membership tables among it), and loading the facet extractor, so that a shard's first activation does
/// not wait for it. PostgreSQL out of reach stops the start: a node cannot join a cluster whose membership it cannot
/// read. Once the server has started, every shard is called once, so that the cluster's shards are active before the
/// first search.
/// </summary>
public sealed class ClusterNodeStartup(
    SiloArticleLog articleLog, IServiceProvider services, IHostApplicationLifetime lifetime, IOptions<SearchClusterOptions> options,
    ILogger<ClusterNodeStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await articleLog.GetAsync().WaitAsync(cancellationToken);
        }
        catch (ArticleLogUnavailableException e)
        {
            logger.LogCritical("Cannot start: {Message}", e.Message);
            throw new StartupFailedException(e);
        }
        services.GetRequiredService<IFacetExtractor>();
        lifetime.ApplicationStarted.Register(() => _ = ActivateShardsAsync());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ActivateShardsAsync()
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        try
        {
            var statuses = await Task.WhenAll(Enumerable.Range(0, options.Value.Shards)
                .Select(shard => grains.GetGrain<IShardGrain>(shard).StatusAsync()));
            logger.LogInformation("Shards active: {Shards}", string.Join(", ", statuses.Select(s => $"{s.Shard} on {s.Silo} at version {s.AppliedVersion}")));
        }
        catch (Exception e) when (e is OrleansException or SiloUnavailableException or TimeoutException)
        {
            // The first search activates what is missing; this only spares it the wait.
            logger.LogWarning(e, "Not every shard could be activated at start");
        }
    }
}
