using Lucene.Net.Index;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;

namespace SearchService.Tests.Sharding;

/// <summary>
/// How many calls a search makes to each shard, every one of which is a round trip to a grain in a cluster: each phase
/// asks a shard once, whatever the number of words to correct or paragraphs to re-score; related articles too. A word's
/// spelling neighbours (a walk of a shard's terms) are asked only when it is rare over every shard together.
/// </summary>
public sealed class ShardRoundTripTests : IClassFixture<ShardedSearchTests.ThreeShards>
{
    private readonly ShardedIndexes indexes;
    private readonly IReadOnlyList<CountingShardSource> sources;
    private readonly ShardedSearcher searcher;

    public ShardRoundTripTests(ShardedSearchTests.ThreeShards shards)
    {
        indexes = shards.Indexes;
        sources = shards.Indexes.ShardIndexes.Select(index => new CountingShardSource(new IndexShardSource(index))).ToList();
        searcher = new ShardedSearcher(sources, IndexSchema.CreateAnalyzer());
    }

    [Theory]
    [InlineData("yen trade", 3)] // dfs, query, fetch
    [InlineData("yenn trade", 4)] // and the neighbours of "yenn", rare over all shards, with the figures of its corrections
    [InlineData("what did the ministers say about the yen and the trade talks", 5)] // and feedback words' figures, feedback (word pairs come with the query phase)
    public async Task A_search_asks_each_shard_no_more_than_once_a_phase(string query, int phases)
    {
        var result = await searcher.SearchAsync(new SearchRequest(query, Explain: true));

        Assert.NotEmpty(result.Hits);
        Assert.Equal(phases, sources.Max(source => source.Calls));
    }

    /// <summary>
    /// "trade" is in fewer paragraphs than a typo may be in on some shard, but not over all: one index would not
    /// correct it, and no shard walks its terms for neighbours that would not be used (each shard whose own count was
    /// low walked them before, in its dfs).
    /// </summary>
    [Fact]
    public async Task A_word_rare_on_some_shards_only_has_its_neighbours_looked_up_on_none()
    {
        var perShard = indexes.ShardIndexes.Select(index => index.Search(s => s.IndexReader.DocFreq(new Term(IndexSchema.Text, "trade")))).ToList();
        Assert.Contains(perShard, paragraphs => paragraphs < SpellingCorrector.RareBelow);
        Assert.True(perShard.Sum() >= SpellingCorrector.RareBelow, $"{perShard.Sum()} paragraphs hold trade");

        var result = await searcher.SearchAsync(new SearchRequest("trade"));

        Assert.NotEmpty(result.Hits);
        Assert.Null(result.DidYouMean);
        Assert.All(sources, source => Assert.Equal(0, source.NeighbourLookups));
        Assert.Equal(3, sources.Max(source => source.Calls)); // dfs, query, fetch (of a shard with hits on the page)
    }

    /// <summary>
    /// A typo, in no shard, is corrected from the neighbours every shard gives, as one index corrects it and with the
    /// same scores: each shard is asked for them once, with the figures of the terms a correction adds, in place of a
    /// dfs of the corrected query (as many calls as before, when every shard walked its terms in the dfs).
    /// </summary>
    [Fact]
    public async Task A_typo_rare_over_every_shard_is_corrected_from_their_neighbours_as_one_index_corrects_it()
    {
        var request = new SearchRequest("yenn trade");

        var result = await searcher.SearchAsync(request);

        var expected = indexes.SearcherOverOneIndex().Search(request);
        Assert.Equal("yen trade", expected.DidYouMean);
        Assert.Equal(expected.DidYouMean, result.DidYouMean);
        Assert.Equal(expected.Total, result.Total);
        Assert.Equal(expected.Hits.Select(h => (h.ArticleId, h.Paragraph, h.Score)), result.Hits.Select(h => (h.ArticleId, h.Paragraph, h.Score)));
        Assert.All(sources, source => Assert.Equal(1, source.NeighbourLookups));
        Assert.Equal(4, sources.Max(source => source.Calls)); // dfs, neighbours with the figures of their corrections, query, fetch
    }

    [Fact]
    public async Task The_values_of_a_facet_take_two_calls_to_each_shard()
    {
        await searcher.FacetValuesAsync(new SearchRequest("trade OR yen"), IndexSchema.Region, "", 10);

        Assert.All(sources, source => Assert.Equal(2, source.Calls));
    }

    [Fact]
    public async Task Related_articles_take_three_calls_to_the_articles_shard_and_two_to_each_other()
    {
        var related = await new ShardedRelatedFinder(sources, IndexSchema.CreateAnalyzer())
            .FindAsync(new RelatedRequest("farm-talks", new SearchRequest(null), By: RelatedBy.Words));

        Assert.NotNull(related);
        var home = new ShardRouter(sources.Count).ShardOf("farm-talks");
        Assert.Equal(sources.Select((_, shard) => shard == home ? 3 : 2), sources.Select(source => source.Calls));
    }
}
