using Microsoft.Extensions.DependencyInjection;

namespace SearchService.Indexer;

public static class IndexerRegistration
{
    /// <summary>Makes the indexer worker available to this host's start-up, which runs it beside whatever else the host serves.</summary>
    public static IServiceCollection AddIndexerWorker(this IServiceCollection services) =>
        services.AddSingleton<IndexerWorker>();
}
