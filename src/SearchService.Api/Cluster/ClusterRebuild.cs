using Microsoft.Extensions.Options;
using SearchService.Cluster.Shards;
using SearchService.Core.Sharding;

namespace SearchService.Api.Cluster;

/// <summary>
/// <c>POST /index/_rebuild</c> in cluster mode: asks every copy of every shard to rebuild itself from PostgreSQL
/// (<see cref="IShardGrain.RebuildAsync"/>), each into a new index beside the one its searches use, switched to once
/// it has caught up. <c>/health</c> marks each copy rebuilding until it has switched.
/// </summary>
public sealed class ClusterRebuild(IGrainFactory grains, IOptions<SearchClusterOptions> options, ILogger<ClusterRebuild> logger)
{
    /// <summary>Asks every copy at once, each bounded by the shard call timeout.</summary>
    /// <returns>
    /// How many copies began a rebuild, were rebuilding already, and did not answer (named in the log); an unassigned
    /// copy (fewer nodes than copies) is in none: a node that takes it builds it from PostgreSQL.
    /// </returns>
    public async Task<(int Started, int AlreadyRebuilding, int NotAnswering)> StartAsync(CancellationToken cancellation)
    {
        var answers = await Task.WhenAll(ShardCopy.All(options.Value.Shards, options.Value.Replicas).Select(copy => AskAsync(copy, cancellation)));
        return (answers.Count(a => a == Reply.Started), answers.Count(a => a == Reply.AlreadyRebuilding), answers.Count(a => a == Reply.NotAnswering));
    }

    private async Task<Reply> AskAsync(ShardCopy copy, CancellationToken cancellation)
    {
        try
        {
            return await GrainShardSource.AskAsync(grains, copy, grain => grain.RebuildAsync(), options.Value.ShardCallTimeout).WaitAsync(cancellation)
                ? Reply.Started
                : Reply.AlreadyRebuilding;
        }
        catch (ShardUnavailableException e) when (ShardCopyUnassignedException.Caused(e))
        {
            return Reply.Unassigned;
        }
        catch (ShardUnavailableException e)
        {
            logger.LogWarning("{Copy} was not asked to rebuild: {Reason}", copy, e.Message);
            return Reply.NotAnswering;
        }
    }

    private enum Reply
    {
        Started,
        AlreadyRebuilding,
        NotAnswering,
        Unassigned,
    }
}
