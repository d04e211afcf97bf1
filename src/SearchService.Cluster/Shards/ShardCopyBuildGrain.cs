namespace SearchService.Cluster.Shards;

/// <summary>
/// Runs builds of a shard copy's index on its silo (<see cref="SiloPinnedPlacement"/>) with that silo's
/// <see cref="ShardCopyBuilds"/>, off the grain's turns; a build under way when the grain deactivates is cancelled.
/// </summary>
[SiloPinnedPlacement]
internal sealed class ShardCopyBuildGrain(ShardCopyBuilds builds) : Grain, IShardCopyBuildGrain
{
    private readonly CancellationTokenSource stopping = new();
    private Task<long>? build;

    private ShardCopy Copy => ShardCopyBuild.Of(this.GetPrimaryKeyString()).Copy;

    public Task StartAsync()
    {
        if (build is not { IsCompleted: false })
        {
            var copy = Copy;
            build = Task.Run(() => builds.BuildAsync(copy, stopping.Token), CancellationToken.None);
        }
        return Task.CompletedTask;
    }

    public async Task<long?> BuiltAsync() =>
        build is null ? throw new InvalidOperationException($"No build of {Copy} was started here.")
        : build.IsCompleted ? (long?)await build
        : null;

    public Task<ShardCopyBuildProgress?> ProgressAsync() => Task.FromResult(builds.Progress(Copy));

    public Task DiscardAsync()
    {
        builds.Discard(Copy);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        if (build is not null)
            await build.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        stopping.Dispose();
    }
}
