using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;

namespace SearchService.Tests.Sharding;

/// <summary>
/// A typo is corrected over shards as one index corrects it, with the same scores: the correction's figures come with
/// the neighbours the shards give rather than from a dfs of the corrected query, and a word is asked about once.
/// </summary>
public sealed class ShardedSpellingTests
{
    /// <summary>
    /// "quarterly" is in the paragraphs and a headline of one shard, and only in a headline on the other: the correction
    /// adds it in the title too, whose figures on the other shard count, though its paragraphs have no neighbour of the
    /// typo (a shard without the term scores with its own figures, so it takes both shards to see them summed).
    /// </summary>
    [Fact]
    public async Task A_correction_in_a_headline_only_on_a_shard_scores_with_that_shard_s_figures()
    {
        var router = new ShardRouter(2);
        var (inText, inTitle) = (IdOn(router, 0), IdOn(router, 1));
        using var indexes = new ShardedIndexes(2, [
            new Article(inText, "Quarterly results of the banks", [
                "The bank said quarterly profits rose on higher lending.",
                "Its quarterly dividend is unchanged, the bank said."], SampleArticles.March),
            new Article(inTitle, "Quarterly figures due", [
                "The company will report on Tuesday after markets close.",
                "Analysts expect higher sales of cars abroad."], SampleArticles.March.AddDays(1)),
        ]);
        var request = new SearchRequest("qurterly");

        var sharded = await indexes.SearcherOverShards().SearchAsync(request);

        var expected = indexes.SearcherOverOneIndex().Search(request);
        Assert.NotNull(expected.DidYouMean);
        Assert.Equal(expected.DidYouMean, sharded.DidYouMean);
        Assert.Contains(sharded.Hits, hit => hit.ArticleId == inTitle);
        Assert.Equal(expected.Hits.Select(h => (h.Id, h.Score)), sharded.Hits.Select(h => (h.Id, h.Score)));
    }

    /// <summary>
    /// "yenn's" is indexed as "yenn": the word is asked about once. Each shard's paragraphs of it were summed twice,
    /// and its neighbours, gathered only for a word given once by every shard, were missing: the search failed.
    /// </summary>
    [Fact]
    public async Task A_typo_typed_in_two_forms_is_corrected_as_one_index_corrects_it()
    {
        using var indexes = new ShardedIndexes(3, SampleArticles.All);
        var request = new SearchRequest("yenn yenn's");

        var sharded = await indexes.SearcherOverShards().SearchAsync(request);

        var expected = indexes.SearcherOverOneIndex().Search(request);
        Assert.NotNull(expected.DidYouMean);
        Assert.Equal(expected.DidYouMean, sharded.DidYouMean);
        Assert.Equal(expected.Hits.Select(h => (h.Id, h.Score)), sharded.Hits.Select(h => (h.Id, h.Score)));
    }

    private static string IdOn(ShardRouter router, int shard) =>
        Enumerable.Range(0, 100).Select(i => $"article-{i}").First(id => router.ShardOf(id) == shard);
}
