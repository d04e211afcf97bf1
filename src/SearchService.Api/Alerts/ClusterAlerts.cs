using Lucene.Net.Analysis;
using SearchService.Cluster.Alerts;
using SearchService.Cluster.Shards;
using SearchService.Cluster.Storage;
using SearchService.Core.Alerts;
using SearchService.Core.Facets;

namespace SearchService.Api.Alerts;

/// <summary>
/// A cluster node's part in alerts: it follows the events into its streams (<see cref="ClusterAlertFeed"/>) and
/// competes for percolation (<see cref="ClusterAlertPercolator"/>), both once the article log opens, and waiting out
/// PostgreSQL out of reach. Stopping ends both, then lets webhook attempts under way finish.
/// </summary>
public sealed class ClusterAlerts(SiloArticleLog articleLog, Analyzer analyzer, IServiceProvider services) : BackgroundService
{
    /// <summary>How long the node waits after the article log could not be opened before it tries again.</summary>
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var log = await OpenAsync(stoppingToken);
        if (log is null)
            return;
        var webhooks = services.GetRequiredService<WebhookSender>();
        var feed = new ClusterAlertFeed(log, services.GetRequiredService<AlertEventStream>(), webhooks,
            services.GetRequiredService<ILogger<ClusterAlertFeed>>());
        var percolator = new ClusterAlertPercolator(log, services.GetRequiredService<AlertQueryCompiler>(), new AlertMatcher(analyzer), webhooks,
            services.GetRequiredService<IFacetExtractor>(), services.GetRequiredService<ILogger<ClusterAlertPercolator>>());
        feed.AlertsChanged += percolator.AlertsChanged;
        await Task.WhenAll(feed.RunAsync(stoppingToken), percolator.RunAsync(stoppingToken));
    }

    private async Task<PostgresArticleLog?> OpenAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                return await articleLog.GetAsync();
            }
            catch (ArticleLogUnavailableException e)
            {
                services.GetRequiredService<ILogger<ClusterAlerts>>().LogWarning("Alerts wait for PostgreSQL: {Problem}", e.Message);
            }
            await Task.Delay(RetryEvery, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        return null;
    }
}
