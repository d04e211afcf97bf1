namespace SearchService.Cluster.Shards;

/// <summary>
/// The builds of copies' indexes under way in the cluster (<see cref="ShardCopyBuilds"/>), found among the activations
/// of every silo and each asked how far it has read: the copies about to move, which <c>/health</c> reports.
/// </summary>
public sealed class ShardCopyBuildsUnderWay(IGrainFactory grains)
{
    /// <returns>The builds under way, in shard and copy order; a build that does not answer within <paramref name="timeout"/> is left out.</returns>
    public async Task<IReadOnlyList<ShardCopyBuildProgress>> GatherAsync(TimeSpan timeout, CancellationToken cancellation)
    {
        var buildType = grains.GetGrain<IShardCopyBuildGrain>(new ShardCopyBuild(SiloAddress.Zero, new ShardCopy(0, 0)).Key).GetGrainId().Type;
        var activations = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics().WaitAsync(timeout, cancellation);
        var progress = await Task.WhenAll(activations
            .Where(activation => activation.GrainId.Type.Equals(buildType))
            .Select(activation => ProgressAsync(grains.GetGrain<IShardCopyBuildGrain>(activation.GrainId.Key.ToString()!), timeout, cancellation)));
        return [.. progress.OfType<ShardCopyBuildProgress>().OrderBy(p => p.Shard).ThenBy(p => p.Copy).ThenBy(p => p.Silo, StringComparer.Ordinal)];
    }

    private static async Task<ShardCopyBuildProgress?> ProgressAsync(IShardCopyBuildGrain build, TimeSpan timeout, CancellationToken cancellation)
    {
        try
        {
            return await build.ProgressAsync().WaitAsync(timeout, cancellation);
        }
        // A build whose silo has just gone, or that is slow to answer, is not reported: the report is of what answers.
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            return null;
        }
    }
}
