using SearchService.Core.Sharding;

namespace SearchService.Cluster.Shards;

/// <summary>A shard of the cluster, for <see cref="ShardedSearcher"/>: the grain of its number, wherever Orleans placed it.</summary>
public sealed class GrainShardSource(IGrainFactory grains, int shard, TimeSpan timeout) : IShardSource
{
    /// <summary>How long one call to a shard may take unless said otherwise: well above a search's, well below Orleans' 30 s.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>A source for each of the cluster's <paramref name="shards"/>, in shard order.</summary>
    public static IReadOnlyList<IShardSource> All(IGrainFactory grains, int shards, TimeSpan? timeout = null) =>
        Enumerable.Range(0, shards).Select(shard => new GrainShardSource(grains, shard, timeout ?? DefaultTimeout)).ToList();

    /// <summary>A search on the shard's grain, opened there by its first call.</summary>
    public ValueTask<IShard> OpenAsync() => ValueTask.FromResult<IShard>(new GrainShard(grains.GetGrain<IShardGrain>(shard), shard, timeout));
}
