using SearchService.Core.Alerts;

namespace SearchService.Api.Alerts;

/// <summary>The alerts of a single node: its <see cref="AlertStore"/> file; a deletion ends the alert's streams and webhook notices here.</summary>
public sealed class LocalAlertBook(AlertStore store, AlertEventStream events, WebhookSender webhooks) : IAlertBook
{
    public Task<Alert> AddAsync(SavedQuery query, Uri? webhook, DateTimeOffset now, CancellationToken cancellation) =>
        Task.FromResult(store.Add(query, webhook, now));

    public Task<IReadOnlyList<Alert>> AllAsync(CancellationToken cancellation) => Task.FromResult(store.All());

    public Task<Alert?> FindAsync(string id, CancellationToken cancellation) => Task.FromResult(store.Find(id));

    public Task<bool> RemoveAsync(string id, CancellationToken cancellation)
    {
        if (!store.Remove(id))
            return Task.FromResult(false);
        events.Forget(id);
        webhooks.Forget(id);
        return Task.FromResult(true);
    }
}
