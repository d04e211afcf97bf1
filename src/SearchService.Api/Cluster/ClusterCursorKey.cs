using SearchService.Cluster.Storage;
using SearchService.Core.Searching;

namespace SearchService.Api.Cluster;

/// <summary>
/// The key the cluster's nodes sign cursors with (<see cref="CursorCodec"/>), kept in PostgreSQL and read at the node's
/// start (<see cref="ClusterNodeStartup"/>), before it takes requests: a cursor walk begun through one node goes on
/// through any other, as a client behind a load balancer expects.
/// </summary>
public sealed class ClusterCursorKey
{
    private byte[]? key;

    /// <exception cref="InvalidOperationException">Asked for before the node's start read it.</exception>
    public byte[] Key => key ?? throw new InvalidOperationException("The cluster's cursor key is read at the node's start, before it takes requests.");

    /// <exception cref="ArticleLogUnavailableException">PostgreSQL cannot be reached.</exception>
    public async Task ReadAsync(PostgresArticleLog log, CancellationToken cancellation) =>
        key = await log.CursorKeyAsync(CursorCodec.NewKey(), cancellation);
}
