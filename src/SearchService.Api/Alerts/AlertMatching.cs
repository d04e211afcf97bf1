using SearchService.Core.Alerts;
using SearchService.Core.Indexing;

namespace SearchService.Api.Alerts;

/// <summary>
/// Starts matching what the index makes searchable against the alerts as soon as the index opens, before the API
/// write journal is replayed and before any corpus pass writes, so that those writes are matched too. It subscribes
/// when made: the host makes every hosted service before starting any, and the index opens in the first one's start
/// (<see cref="Startup.ServiceInitializer"/>). Stopping is the container's: the percolator is disposed after the
/// corpus passes and the server have stopped, so it keeps for the next start what they wrote last and it did not match.
/// </summary>
public sealed class AlertMatching : IHostedService
{
    public AlertMatching(IndexOpener opener, IServiceProvider services) =>
        opener.Opened += index => services.GetRequiredService<AlertPercolator>().Start(index.Searchable);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
