using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Sharding;

/// <summary>
/// A shard source's published reader: searches opened on it read what it held when published, whatever the index took
/// in since, and say the version it was published as holding.
/// </summary>
public sealed class IndexShardSourceTests
{
    [Fact]
    public async Task A_search_on_the_published_reader_does_not_see_a_write_made_searchable_after_it_and_says_its_version()
    {
        using var index = new TestIndex().Add(NewsArticles.Cocoa("cocoa-1"));
        using var source = new IndexShardSource(index.Index);
        source.Publish(7);
        index.Add(NewsArticles.Cocoa("cocoa-2"));

        var (shard, version) = source.OpenPublished();
        using (shard)
        {
            Assert.Equal(7, version);
            Assert.Equal(1, await ArticlesAsync(shard));
        }
        using var current = source.Open();
        Assert.Equal(2, await ArticlesAsync(current));
    }

    [Fact]
    public async Task A_search_opened_after_the_next_publication_sees_what_it_holds()
    {
        using var index = new TestIndex().Add(NewsArticles.Cocoa("cocoa-1"));
        using var source = new IndexShardSource(index.Index);
        source.Publish(7);
        index.Add(NewsArticles.Cocoa("cocoa-2"));
        source.Publish(8);

        var (shard, version) = source.OpenPublished();
        using (shard)
        {
            Assert.Equal(8, version);
            Assert.Equal(2, await ArticlesAsync(shard));
        }
    }

    [Fact]
    public void Opening_the_published_reader_before_any_is_published_is_refused()
    {
        using var index = new TestIndex();
        using var source = new IndexShardSource(index.Index);

        Assert.Throws<InvalidOperationException>(() => source.OpenPublished());
    }

    private static async Task<long> ArticlesAsync(IShard shard)
    {
        var request = new ShardRequest(new SearchRequest("cocoa", Unit: ResultUnit.Article), [], SemanticDepth: 0);
        var dfs = await shard.DfsAsync(request, []);
        var answer = await shard.QueryAsync(request, dfs.Statistics);
        return answer.TotalArticles ?? -1;
    }
}
