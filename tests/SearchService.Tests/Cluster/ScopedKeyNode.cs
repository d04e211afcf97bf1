using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Api.Cluster;
using SearchService.Api.Security;
using SearchService.Cluster.Shards;
using SearchService.Cluster.Storage;

namespace SearchService.Tests.Cluster;

/// <summary>
/// A node's scoped keys as a node holds them (<see cref="ClusterScopedKeys"/> over a connection pool of its own, read as
/// its start reads them), without a silo or HTTP: what its key endpoints and its key checks use.
/// </summary>
public sealed class ScopedKeyNode : IAsyncDisposable
{
    private readonly SiloArticleLog log;
    private readonly ClusterScopedKeys storage;

    private ScopedKeyNode(string connectionString)
    {
        log = new SiloArticleLog(new ArticleLogOptions(connectionString));
        storage = new ClusterScopedKeys(log, NullLogger<ClusterScopedKeys>.Instance);
        Keys = new ScopedKeyStore(storage, TimeProvider.System, NullLogger<ScopedKeyStore>.Instance);
    }

    public ScopedKeyStore Keys { get; }

    public static async Task<ScopedKeyNode> StartAsync(string connectionString)
    {
        var node = new ScopedKeyNode(connectionString);
        await node.storage.ReadAsync(await node.log.GetAsync(), CancellationToken.None);
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        await storage.DisposeAsync();
        await log.DisposeAsync();
    }
}
