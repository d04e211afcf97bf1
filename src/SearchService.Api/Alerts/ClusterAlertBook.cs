using Microsoft.Extensions.Options;
using SearchService.Cluster.Alerts;
using SearchService.Cluster.Shards;
using SearchService.Cluster.Storage;
using SearchService.Core.Alerts;
using SearchService.Core.Indexing;

namespace SearchService.Api.Alerts;

/// <summary>
/// The alerts of a cluster, in PostgreSQL (<see cref="PostgresAlerts"/>): any node saves, lists and deletes them. A
/// deletion reaches every node's streams and webhooks through PostgreSQL (<see cref="ClusterAlertFeed"/>). PostgreSQL
/// out of reach: a save or deletion is a write not acknowledged (503 naming the server and the cause, as for articles),
/// a read a 503 too.
/// </summary>
public sealed class ClusterAlertBook(SiloArticleLog articleLog, IOptions<AlertOptions> options) : IAlertBook
{
    public Task<Alert> AddAsync(SavedQuery query, Uri? webhook, DateTimeOffset now, CancellationToken cancellation) =>
        WriteAsync(alerts => alerts.AddAsync(query, webhook, now, options.Value.MaxAlerts, cancellation));

    public async Task<IReadOnlyList<Alert>> AllAsync(CancellationToken cancellation) =>
        await new PostgresAlerts(await articleLog.GetAsync()).AllAsync(cancellation);

    public async Task<Alert?> FindAsync(string id, CancellationToken cancellation) =>
        await new PostgresAlerts(await articleLog.GetAsync()).FindAsync(id, cancellation);

    public Task<bool> RemoveAsync(string id, CancellationToken cancellation) => WriteAsync(alerts => alerts.RemoveAsync(id, cancellation));

    private async Task<T> WriteAsync<T>(Func<PostgresAlerts, Task<T>> call)
    {
        try
        {
            return await call(new PostgresAlerts(await articleLog.GetAsync()));
        }
        catch (ArticleLogUnavailableException e)
        {
            throw new WriteRefusedException(e.Message, writesStopped: false, e);
        }
    }
}
