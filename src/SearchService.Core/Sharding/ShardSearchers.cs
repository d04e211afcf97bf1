using Lucene.Net.Search;
using SearchService.Core.Indexing;

namespace SearchService.Core.Sharding;

/// <summary>One searcher of each shard, held together while a search over all of them runs.</summary>
internal static class ShardSearchers
{
    /// <summary>Runs <paramref name="search"/> over one searcher of each shard (in the shards' order), held until it returns.</summary>
    public static T With<T>(IReadOnlyList<SearchIndex> shards, Func<IReadOnlyList<IndexSearcher>, T> search) => With(shards, search, []);

    private static T With<T>(IReadOnlyList<SearchIndex> shards, Func<IReadOnlyList<IndexSearcher>, T> search, List<IndexSearcher> held) =>
        held.Count == shards.Count
            ? search(held)
            : shards[held.Count].Search(searcher => With(shards, search, [.. held, searcher]));
}
