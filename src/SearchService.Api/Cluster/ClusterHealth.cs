using Microsoft.Extensions.Options;
using SearchService.Cluster.Shards;
using SearchService.Cluster.Storage;

namespace SearchService.Api.Cluster;

/// <summary>
/// What <c>/health</c> says in cluster mode: the nodes of the membership table, and for each shard where its copy is
/// active and how many versions of the article log it has still to apply (its lag behind PostgreSQL).
/// </summary>
public sealed class ClusterHealth(
    IClusterMembershipService membership, IGrainFactory grains, SiloArticleLog articleLog, IOptions<SearchClusterOptions> options)
{
    public async Task<ClusterHealthReport> ReportAsync(CancellationToken cancellation)
    {
        var nodes = membership.CurrentSnapshot.Members.Values
            .Where(member => member.Status != SiloStatus.Dead)
            .Select(member => new ClusterNode(member.SiloAddress.ToString(), member.Status.ToString().ToLowerInvariant()))
            .OrderBy(node => node.Address, StringComparer.Ordinal)
            .ToList();
        long? version = null;
        string? postgres = null;
        try
        {
            version = await (await articleLog.GetAsync()).CurrentVersionAsync(cancellation);
        }
        catch (ArticleLogUnavailableException e)
        {
            postgres = e.Message;
        }
        var shards = await Task.WhenAll(Enumerable.Range(0, options.Value.Shards).Select(shard => ShardAsync(shard, version, cancellation)));
        var complete = postgres is null && shards.All(s => s.Copies.Count > 0);
        return new ClusterHealthReport(complete ? "ready" : "degraded", version, postgres, nodes, shards);
    }

    private async Task<ClusterShard> ShardAsync(int shard, long? version, CancellationToken cancellation)
    {
        try
        {
            var status = await grains.GetGrain<IShardGrain>(shard).StatusAsync().WaitAsync(options.Value.ShardCallTimeout, cancellation);
            return new ClusterShard(shard, [new ShardCopy(status.Silo, status.AppliedVersion, version - status.AppliedVersion)], null);
        }
        catch (Exception e) when (e is OrleansException or SiloUnavailableException or TimeoutException)
        {
            return new ClusterShard(shard, [], e.Message);
        }
    }
}
