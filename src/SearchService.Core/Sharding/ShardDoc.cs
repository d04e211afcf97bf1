namespace SearchService.Core.Sharding;

/// <summary>A paragraph of a sharded index: its shard and its document number there (in one search's readers).</summary>
internal readonly record struct ShardDoc(int Shard, int Doc);
