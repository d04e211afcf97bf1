namespace SearchService.Core.Sharding;

/// <summary>A hit gathered from a shard.</summary>
internal sealed record GatheredHit(int Shard, ShardHit Hit)
{
    public ShardDoc Key => new(Shard, Hit.Doc);
}
