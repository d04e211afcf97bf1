namespace SearchService.Core.Sharding;

/// <summary>Where a sharded search finds one shard: each search opens it once and disposes what it opened.</summary>
public interface IShardSource
{
    /// <summary>Begins a search on the shard, over its reader of this moment.</summary>
    ValueTask<IShard> OpenAsync();
}
