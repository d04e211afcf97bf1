using System.Text;

namespace SearchService.Core.Sharding;

/// <summary>
/// Which shard holds an article: a hash of its id modulo the number of shards, so every paragraph of an article lives in
/// one shard and one-hit-per-article results, other matches and article counts stay exact within it. The hash is
/// FNV-1a of 64 bits over the id's UTF-8 bytes, the same on every process, runtime and machine (string.GetHashCode is
/// not); its high half is folded into the low one first, since FNV's low bits depend only on the input's low bits.
/// </summary>
public sealed class ShardRouter
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public ShardRouter(int shards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        Shards = shards;
    }

    public int Shards { get; }

    /// <summary>The shard (from 0) of the article with this id.</summary>
    public int ShardOf(string articleId) => (int)(Hash(articleId) % (ulong)Shards);

    /// <summary>The id's hash, low and high halves folded together.</summary>
    public static ulong Hash(string articleId)
    {
        var hash = OffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(articleId))
        {
            hash ^= b;
            hash *= Prime;
        }
        return hash ^ (hash >> 32);
    }
}
