namespace SearchService.Core.Sharding;

/// <summary>
/// A shard did not answer a search's call: its node died or is unreachable, it took too long, or it could not start
/// (in a cluster, a shard that would start empty while the article log is out of reach). Another copy of the shard may
/// answer: <see cref="ShardedSearcher"/> tries the search again.
/// </summary>
public sealed class ShardUnavailableException(int shard, string reason, Exception inner)
    : Exception($"Shard {shard} did not answer: {reason}", inner)
{
    public int Shard { get; } = shard;
}
