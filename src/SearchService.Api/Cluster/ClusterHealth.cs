using Microsoft.Extensions.Options;
using SearchService.Cluster.Shards;
using SearchService.Cluster.Storage;

namespace SearchService.Api.Cluster;

/// <summary>
/// What <c>/health</c> says in cluster mode: the nodes of the membership table, and for each shard where each of its
/// copies is active and how many versions of the article log it has still to apply (its lag behind PostgreSQL), and
/// which copies are being built on a node they are to move to, and which have no node to run on (fewer nodes than
/// copies): "degraded" until every copy answers, as Elasticsearch's health is yellow while a replica is unassigned.
/// </summary>
public sealed class ClusterHealth(
    IClusterMembershipService membership, ShardCopyStatuses copyStatuses, ShardCopyBuildsUnderWay builds, SiloArticleLog articleLog,
    IOptions<SearchClusterOptions> options)
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
        var copies = await copyStatuses.GatherAsync(cancellation);
        var active = membership.CurrentSnapshot.Members.Values.Where(member => member.Status == SiloStatus.Active).Select(member => member.SiloAddress).ToList();
        var moving = (await builds.GatherAsync(active, options.Value.ShardCallTimeout, cancellation)).ToLookup(build => build.Shard);
        var shards = copies.GroupBy(c => c.Copy.Shard).Select(shard => new ClusterShard(
            shard.Key, [.. shard.Where(c => c.Status is not null).Select(c => new ShardCopyHealth(c.Copy.Copy, c.Status!.Silo, c.Status.AppliedVersion, c.Status.Lag, c.Status.LogReadAt, c.Status.Rebuilding))],
            [.. shard.Where(c => c.Problem is not null && !c.Unassigned).Select(c => $"copy {c.Copy.Copy}: {c.Problem}")],
            [.. shard.Where(c => c.Unassigned).Select(c => c.Copy.Copy)],
            [.. moving[shard.Key].Select(build => new ShardCopyMove(build.Copy, build.Silo, build.Version, build.StartedAt))])).ToList();
        var complete = postgres is null && shards.All(s => s.Copies.Count == options.Value.Replicas);
        return new ClusterHealthReport(complete ? "ready" : "degraded", version, postgres, nodes, shards);
    }
}
