namespace SearchService.Core.Sharding;

/// <summary>Where a sharded search finds one shard: each search opens it once and disposes what it opened.</summary>
public interface IShardSource
{
    /// <summary>Begins a search on the shard, over its reader of this moment or, for a cursor walk, the one it read.</summary>
    /// <param name="at">The copy and point in time a cursor walk read the shard at: the search reads that point when the
    /// copy still holds it, else the copy's current reader (<see cref="IShard.Point"/> tells which); null: any copy, its
    /// current reader.</param>
    ValueTask<IShard> OpenAsync(ShardPoint? at = null);
}
