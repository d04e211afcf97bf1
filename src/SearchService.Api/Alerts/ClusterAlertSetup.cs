using Microsoft.Extensions.Options;
using SearchService.Api.Cluster;
using SearchService.Cluster.Alerts;
using SearchService.Cluster.Shards;
using SearchService.Cluster.Speakers;
using SearchService.Core.Alerts;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Api.Alerts;

/// <summary>
/// Registers alerts on a cluster node: saved in PostgreSQL (<see cref="ClusterAlertBook"/>), percolated by one node at
/// a time (<see cref="ClusterAlertPercolator"/>), their events brought to every node's streams (<see cref="ClusterAlertFeed"/>).
/// The webhook sender's local outbox is in the node's shards folder; PostgreSQL holds what is pending.
/// </summary>
public static class ClusterAlertSetup
{
    public static IServiceCollection AddClusterAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAlertOptions(configuration);
        services.AddAlertDeliveries(sp => Path.GetFullPath(sp.GetRequiredService<IOptions<SearchClusterOptions>>().Value.ShardsPath));
        // As the shards parse a search: the schema's analyzer, the node's synonyms and limits, the cluster's speaker identities.
        var analyzer = IndexSchema.CreateAnalyzer();
        services.AddSingleton(sp => new AlertQueryCompiler(analyzer, sp.GetRequiredService<Synonyms>(), sp.GetRequiredService<QueryCostLimits>(),
            () => sp.GetRequiredService<ClusterSpeakerIdentities>().Table));
        services.AddSingleton<IAlertBook, ClusterAlertBook>();
        services.AddSingleton<AlertServices>();
        services.AddHostedService(sp => new ClusterAlerts(sp.GetRequiredService<SiloArticleLog>(), analyzer, sp));
        return services;
    }
}
