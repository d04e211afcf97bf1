using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;

namespace SearchService.Tests.Sharding;

/// <summary>
/// How many calls a search makes to each shard, every one of which is a round trip to a grain in a cluster: each phase
/// asks a shard once, whatever the number of words to correct or paragraphs to re-score; related articles too.
/// </summary>
public sealed class ShardRoundTripTests : IClassFixture<ShardedSearchTests.ThreeShards>
{
    private readonly IReadOnlyList<CountingShardSource> sources;
    private readonly ShardedSearcher searcher;

    public ShardRoundTripTests(ShardedSearchTests.ThreeShards shards)
    {
        sources = shards.Indexes.ShardIndexes.Select(index => new CountingShardSource(new IndexShardSource(index))).ToList();
        searcher = new ShardedSearcher(sources, IndexSchema.CreateAnalyzer());
    }

    [Theory]
    [InlineData("yen trade", 3)] // dfs, query, fetch
    [InlineData("yenn trade", 4)] // and dfs again, for the corrected query
    [InlineData("what did the ministers say about the yen and the trade talks", 5)] // and feedback words' figures, feedback (word pairs come with the query phase)
    public async Task A_search_asks_each_shard_no_more_than_once_a_phase(string query, int phases)
    {
        var result = await searcher.SearchAsync(new SearchRequest(query, Explain: true));

        Assert.NotEmpty(result.Hits);
        Assert.Equal(phases, sources.Max(source => source.Calls));
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
