using Microsoft.Extensions.DependencyInjection;

namespace SearchService.Indexer;

public static class IndexerRegistration
{
    /// <summary>Runs the indexer worker in this host, beside whatever else it serves.</summary>
    public static IServiceCollection AddIndexerWorker(this IServiceCollection services) =>
        services.AddHostedService<IndexerWorker>();
}
