using SearchService.Core.Corpus;
using SearchService.Core.Sharding;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Sharding;

/// <summary>An article's shard is a stable hash of its id: the same everywhere, and the articles spread evenly.</summary>
public sealed class ShardRouterTests
{
    [Theory]
    [InlineData("reuters-1", 11482016237487657702UL)]
    [InlineData("reuters-21578", 17303535708298383849UL)]
    [InlineData("é-1", 17877793836393857673UL)]
    public void An_id_hashes_to_the_same_value_on_every_machine(string id, ulong hash) =>
        Assert.Equal(hash, ShardRouter.Hash(id));

    [Theory]
    [InlineData("reuters-1", 8, 6)]
    [InlineData("reuters-2", 8, 7)]
    [InlineData("reuters-2", 3, 1)]
    [InlineData("reuters-2", 1, 0)]
    public void An_article_goes_to_its_hash_modulo_the_number_of_shards(string id, int shards, int shard) =>
        Assert.Equal(shard, new ShardRouter(shards).ShardOf(id));

    [Fact]
    public void There_is_at_least_one_shard() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShardRouter(0));

    [ReutersFact]
    public void The_Reuters_articles_spread_evenly_over_eight_shards()
    {
        var router = new ShardRouter(8);
        using var file = File.OpenRead(ReutersCorpus.Path!);
        var perShard = new int[router.Shards];
        foreach (var article in JsonlArticleReader.Read(file, ReutersCorpus.Path!, _ => { }))
            perShard[router.ShardOf(article.Id)]++;

        var mean = perShard.Average();
        Assert.All(perShard, count => Assert.InRange(count, mean * 0.95, mean * 1.05));
    }
}
