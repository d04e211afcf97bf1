namespace SearchService.Cluster.Shards;

/// <summary>
/// The builds of copies' indexes under way in the cluster (<see cref="ShardCopyBuilds"/>), found among the activations
/// of every silo and each asked how far it has read: the copies about to move, which <c>/health</c> reports.
/// </summary>
public sealed class ShardCopyBuildsUnderWay(IGrainFactory grains)
{
    /// <param name="silos">The silos to look on: those the caller's membership view has active (asking the management
    /// grain for every silo would read the membership table, which is in PostgreSQL, and may be out of reach).</param>
    /// <returns>
    /// The builds under way, in shard and copy order; none when the silos' activations cannot be listed within
    /// <paramref name="timeout"/>, and a build that does not answer within it is left out: the report is of what answers.
    /// </returns>
    public async Task<IReadOnlyList<ShardCopyBuildProgress>> GatherAsync(IReadOnlyList<SiloAddress> silos, TimeSpan timeout, CancellationToken cancellation)
    {
        var buildType = grains.GetGrain<IShardCopyBuildGrain>(new ShardCopyBuild(SiloAddress.Zero, new ShardCopy(0, 0)).Key).GetGrainId().Type;
        DetailedGrainStatistic[] activations;
        try
        {
            activations = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics(hostsIds: [.. silos]).WaitAsync(timeout, cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            return [];
        }
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
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            return null;
        }
    }
}
