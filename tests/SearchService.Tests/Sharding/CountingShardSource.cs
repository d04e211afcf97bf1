using SearchService.Core.Sharding;

namespace SearchService.Tests.Sharding;

/// <summary>
/// A shard source that counts the calls its searches make to the shard: each would be a round trip to a grain. The calls
/// <paramref name="fails"/> picks (by their number, from 1) fail as a copy that did not answer in time does.
/// </summary>
public sealed class CountingShardSource(IShardSource source, int shard = 0, Func<int, bool>? fails = null) : IShardSource
{
    private int calls;
    private int neighbourLookups;

    /// <summary>Calls made to the shard so far.</summary>
    public int Calls => calls;

    /// <summary>Words whose spelling neighbours the shard was asked for so far: a walk of its terms each.</summary>
    public int NeighbourLookups => neighbourLookups;

    /// <summary>Notes that the shard is asked for the neighbours of this many words.</summary>
    public void LookedUp(int words) => Interlocked.Add(ref neighbourLookups, words);

    /// <summary>Notes one call: its failure when it is one that fails, else null.</summary>
    public ShardUnavailableException? Count()
    {
        var call = Interlocked.Increment(ref calls);
        return fails?.Invoke(call) == true ? new ShardUnavailableException(shard, $"call {call} failed on purpose", new TimeoutException()) : null;
    }

    public async ValueTask<IShard> OpenAsync(ShardPoint? at = null) => new CountingShard(await source.OpenAsync(at), this);
}
