using SearchService.Api.Startup;
using SearchService.Cluster.Shards;
using SearchService.Cluster.Storage;
using SearchService.Core.Facets;

namespace SearchService.Api.Cluster;

/// <summary>
/// A node's start. Before its silo joins: opening the article log, which makes or completes the database's schema
/// (Orleans' membership tables among it), and loading the facet extractor and the copies' query rules (taxonomy and
/// synonyms files), so that a shard's first activation does not wait for them and a bad file stops the start. PostgreSQL out of reach for a minute stops the start: a node cannot join a cluster whose membership it cannot
/// read. Shards are activated by the first call that needs them, on a node Orleans picks at random among those active
/// then (activating them here, as each node starts, would put them all on the first node to start).
/// </summary>
public sealed class ClusterNodeStartup(
    SiloArticleLog articleLog, IServiceProvider services, ILogger<ClusterNodeStartup> logger) : IHostedService
{
    /// <summary>How long a node keeps trying to reach PostgreSQL at start (a machine busy starting many processes, a server restarting).</summary>
    private static readonly TimeSpan ReachWithin = TimeSpan.FromMinutes(1);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var log = await articleLog.GetAsync().WaitAsync(cancellationToken);
                await services.GetRequiredService<ClusterCursorKey>().ReadAsync(log, cancellationToken);
                await services.GetRequiredService<ClusterScopedKeys>().ReadAsync(log, cancellationToken);
                break;
            }
            catch (ArticleLogUnavailableException e) when (clock.Elapsed < ReachWithin)
            {
                logger.LogWarning("Not started yet: {Message}", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (ArticleLogUnavailableException e)
            {
                logger.LogCritical("Cannot start: {Message}", e.Message);
                throw new StartupFailedException(e);
            }
        }
        services.GetRequiredService<IFacetExtractor>();
        services.GetRequiredService<ShardQueryRules>();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
