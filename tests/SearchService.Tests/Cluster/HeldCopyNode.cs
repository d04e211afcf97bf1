using SearchService.Api.Cluster;
using SearchService.Cluster.Shards;
using SearchService.Core.Sharding;

namespace SearchService.Tests.Cluster;

/// <summary>A node's reads over <see cref="HeldCopyCluster"/>: its search backend, its related-articles finder, and its own connection to the article log.</summary>
public sealed record HeldCopyNode(ClusterSearchBackend Backend, ShardedRelatedFinder Related, SiloArticleLog Log) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Log.DisposeAsync();
}
