using SearchService.Core.Alerts;
using SearchService.Core.Indexing;

namespace SearchService.Api.Alerts;

/// <summary>
/// Starts matching what the index makes searchable against the alerts once the index is open (registered after the
/// service's start-up, and resolving the index only when started: hosted services are all made before any starts),
/// and stops taking more when the host stops.
/// </summary>
public sealed class AlertMatching(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<AlertPercolator>().Start(services.GetRequiredService<SearchIndex>().Searchable);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<AlertPercolator>().Dispose();
        return Task.CompletedTask;
    }
}
