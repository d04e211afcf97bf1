namespace SearchService.Cluster.Shards;

/// <summary>
/// A copy's folder on this silo as one activation of the copy holds it (<see cref="ShardCopyBuilds.ActivateAsync"/>),
/// until that activation has closed its index (<see cref="ShardCopyBuilds.Release"/>).
/// </summary>
public sealed class ShardCopyFolder(ShardCopy copy, string path)
{
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ShardCopy Copy { get; } = copy;

    public string Path { get; } = path;

    /// <summary>Completes once the activation holding the folder has closed its index.</summary>
    public Task Released => released.Task;

    internal void Release() => released.TrySetResult();
}
