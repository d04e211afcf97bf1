using SearchService.Core.Sharding;

namespace SearchService.Cluster.Shards;

/// <summary>
/// One of the copies of a shard the cluster keeps (<see cref="ShardGrainOptions.Replicas"/>), each a grain of its own
/// whose integer key carries both numbers: the copy in the high half, the shard (<see cref="ShardRouter"/>) in the low.
/// </summary>
public readonly record struct ShardCopy(int Shard, int Copy)
{
    public long Key => ((long)Copy << 32) | (uint)Shard;

    public static ShardCopy Of(long key) => new((int)(key & uint.MaxValue), (int)(key >> 32));

    /// <summary>Every copy of every shard, shard by shard.</summary>
    public static IEnumerable<ShardCopy> All(int shards, int replicas) =>
        Enumerable.Range(0, shards).SelectMany(shard => Enumerable.Range(0, replicas).Select(copy => new ShardCopy(shard, copy)));

    public override string ToString() => $"shard {Shard} copy {Copy}";
}
