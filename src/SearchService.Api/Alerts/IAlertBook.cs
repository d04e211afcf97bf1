using SearchService.Core.Alerts;

namespace SearchService.Api.Alerts;

/// <summary>Where the alerts are saved: the index folder on a single node (<see cref="LocalAlertBook"/>), PostgreSQL in a cluster (<see cref="ClusterAlertBook"/>).</summary>
public interface IAlertBook
{
    /// <summary>Saves a new alert under a fresh id; answers it once it is durable.</summary>
    /// <exception cref="AlertLimitException">The most alerts are saved already.</exception>
    Task<Alert> AddAsync(SavedQuery query, Uri? webhook, DateTimeOffset now, CancellationToken cancellation);

    /// <summary>Every alert, oldest first.</summary>
    Task<IReadOnlyList<Alert>> AllAsync(CancellationToken cancellation);

    Task<Alert?> FindAsync(string id, CancellationToken cancellation);

    /// <summary>Deletes an alert, ending its event streams and dropping its webhook notices not yet delivered; false when there is none with this id.</summary>
    Task<bool> RemoveAsync(string id, CancellationToken cancellation);
}
