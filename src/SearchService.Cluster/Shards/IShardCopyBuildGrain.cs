namespace SearchService.Cluster.Shards;

/// <summary>
/// Builds a shard copy's index on the silo its key names (<see cref="ShardCopyBuild"/>), where the copy is to move,
/// beside the copy still answering where it is (<see cref="ShardCopyBuilds"/>). A build may take longer than one call
/// may wait: it is started, then asked after.
/// </summary>
public interface IShardCopyBuildGrain : IGrainWithStringKey
{
    /// <summary>Starts a build, unless one is under way.</summary>
    Task StartAsync();

    /// <summary>The version the last build holds the log up to once it is done; null while under way. Fails as the build failed.</summary>
    Task<long?> BuiltAsync();

    /// <summary>How far a build under way has read the log; null when none is under way.</summary>
    Task<ShardCopyBuildProgress?> ProgressAsync();

    /// <summary>Gives up the build: cancels it, and deletes what it built unless the copy is active on the silo.</summary>
    Task DiscardAsync();
}
