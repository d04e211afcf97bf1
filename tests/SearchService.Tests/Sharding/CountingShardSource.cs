using SearchService.Core.Sharding;

namespace SearchService.Tests.Sharding;

/// <summary>A shard source that counts the calls its searches make to the shard: each would be a round trip to a grain.</summary>
public sealed class CountingShardSource(IShardSource source) : IShardSource
{
    private int calls;

    /// <summary>Calls made to the shard so far.</summary>
    public int Calls => calls;

    /// <summary>Notes one call.</summary>
    public void Count() => Interlocked.Increment(ref calls);

    public async ValueTask<IShard> OpenAsync(ShardPoint? at = null) => new CountingShard(await source.OpenAsync(at), this);
}
