using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>
/// Reads an article from the shard holding it (<see cref="ShardRouter"/>) as <see cref="ArticleLookup"/> reads it from
/// one index: inside a scope, an article none of whose paragraphs passes the scope's filters is not found.
/// </summary>
/// <param name="shards">The shards, in the order <see cref="ShardRouter"/> numbers them.</param>
public sealed class ShardedArticleLookup(IReadOnlyList<IShardSource> shards)
{
    private readonly ShardRouter router = new(shards.Count);

    /// <exception cref="ShardUnavailableException">The article's shard did not answer in any of <see cref="ShardedSearcher.Tries"/> tries.</exception>
    public Task<ArticleView?> FindAsync(string articleId, SearchScope? scope) => ShardedSearcher.TriedAsync(async () =>
    {
        using var shard = await shards[router.ShardOf(articleId)].OpenAsync();
        return await shard.ArticleAsync(articleId, scope);
    });
}
