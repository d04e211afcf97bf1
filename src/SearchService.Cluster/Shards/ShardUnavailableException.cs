namespace SearchService.Cluster.Shards;

/// <summary>
/// A shard did not answer a search's call: its silo died or is unreachable, it took too long, or it could not activate
/// (it would start empty and the article log is out of reach).
/// </summary>
public sealed class ShardUnavailableException(int shard, string reason, Exception inner)
    : Exception($"Shard {shard} did not answer: {reason}", inner)
{
    public int Shard { get; } = shard;
}
