using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Sharding;

/// <summary>
/// The same articles, with the facets the service extracts, in one index and split by <see cref="ShardRouter"/> over
/// shards, all kept in memory: what a sharded search must answer exactly as the one index does.
/// </summary>
public sealed class ShardedIndexes : IDisposable
{
    private static readonly Lazy<NewsFacetExtractor> Extractor = new(() => NewsFacetExtractor.Load());

    private readonly TestIndex single;
    private readonly IReadOnlyList<TestIndex> shards;
    private readonly ShardRouter router;

    /// <param name="deletedFromShards">
    /// Articles the shards hold and then delete, and the one index never had: written before the others, so that each
    /// shares a segment with live paragraphs and stays in it, deleted, as Lucene keeps a deleted document until a merge.
    /// </param>
    /// <param name="searchers">Makes the searchers of each index, the one and the shards; null: the service's.</param>
    public ShardedIndexes(
        int shardCount, IEnumerable<Article> articles, IReadOnlyList<Article>? deletedFromShards = null, Func<SearcherProvider>? searchers = null)
    {
        router = new ShardRouter(shardCount);
        single = new TestIndex(searchers: searchers?.Invoke());
        shards = Enumerable.Range(0, shardCount).Select(_ => new TestIndex(searchers: searchers?.Invoke())).ToList();
        foreach (var deleted in deletedFromShards ?? [])
            shards[router.ShardOf(deleted.Id)].Index.ReplaceArticle(deleted, Extractor.Value.Extract(deleted), null);
        foreach (var article in articles)
        {
            var facets = Extractor.Value.Extract(article);
            single.Index.ReplaceArticle(article, facets, null);
            shards[router.ShardOf(article.Id)].Index.ReplaceArticle(article, facets, null);
        }
        foreach (var index in shards.Prepend(single))
            Assert.True(index.Index.WaitUntilSearchable(TimeSpan.FromSeconds(30)));
        foreach (var deleted in deletedFromShards ?? [])
        {
            var shard = shards[router.ShardOf(deleted.Id)].Index;
            shard.DeleteArticle(deleted.Id);
            Assert.True(shard.WaitUntilSearchable(TimeSpan.FromSeconds(30)));
        }
    }

    /// <summary>The first <paramref name="articles"/> Reuters articles over <paramref name="shards"/> shards.</summary>
    /// <param name="searchers">Makes the searchers of each index; null: the service's.</param>
    public static ShardedIndexes OfFirstReuters(int shards, int articles, Func<SearcherProvider>? searchers = null)
    {
        using var file = File.OpenRead(ReutersCorpus.Path ?? throw new InvalidOperationException("No Reuters corpus."));
        return new ShardedIndexes(shards, JsonlArticleReader.Read(file, ReutersCorpus.Path, _ => { }).Take(articles).ToList(), searchers: searchers);
    }

    /// <summary>Deleted paragraphs the shards' segments still hold (maxDoc less the paragraphs searches find).</summary>
    public int DeletedParagraphsHeld => shards.Sum(s => s.Index.Search(searcher => searcher.IndexReader.MaxDoc - searcher.IndexReader.NumDocs));

    /// <summary>The one index of every article.</summary>
    public SearchIndex SingleIndex => single.Index;

    /// <summary>The shards, in the router's order.</summary>
    public IReadOnlyList<SearchIndex> ShardIndexes => shards.Select(s => s.Index).ToList();

    /// <summary>How many paragraphs each shard holds.</summary>
    public IReadOnlyList<int> ParagraphsPerShard => shards.Select(s => s.Index.Search(searcher => searcher.IndexReader.NumDocs)).ToList();

    public ParagraphSearcher SearcherOverOneIndex(Core.Semantics.SemanticReranker? semantic = null) => new(single.Index, semantic: semantic);

    public ShardedSearcher SearcherOverShards(Core.Semantics.SemanticReranker? semantic = null) => new(ShardIndexes, semantic: semantic);

    public Suggester SuggesterOverOneIndex() => new(single.Index, NullLogger<Suggester>.Instance);

    public Suggester SuggesterOverShards() => new(ShardIndexes, NullLogger<Suggester>.Instance);

    public void Dispose()
    {
        single.Dispose();
        foreach (var shard in shards)
            shard.Dispose();
    }
}
