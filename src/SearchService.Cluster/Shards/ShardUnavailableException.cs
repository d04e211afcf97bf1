namespace SearchService.Cluster.Shards;

/// <summary>A shard did not answer a search's call: its silo died or is unreachable, or it took too long.</summary>
public sealed class ShardUnavailableException(int shard, string reason, Exception inner)
    : Exception($"Shard {shard} did not answer: {reason}", inner)
{
    public int Shard { get; } = shard;
}
