using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Indexing;

/// <summary>Small segments, which every write made searchable at once leaves, merged into one beside the large segment.</summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class SmallSegmentMergeTests : IDisposable
{
    private static readonly IFacetExtractor Extractor = NewsFacetExtractor.Load();
    private readonly TempDirectory folder = new();
    private readonly SearchIndex index;

    public SmallSegmentMergeTests() => index = new SearchIndex(folder.Path, NullLogger<SearchIndex>.Instance);

    private void WriteSearchable(string prefix, int articles)
    {
        for (var n = 0; n < articles; n++)
        {
            var article = new Article($"{prefix}-{n}", "Oil", [$"Oil prices rose, dealers said ({prefix} {n}).", "Bank rates held."]);
            index.ReplaceArticle(article, Extractor.Extract(article), null);
        }
        Assert.True(index.WaitUntilSearchable(TestIndex.SearchableWithin));
    }

    private int Segments() => index.Search(searcher => searcher.IndexReader.Leaves.Count);

    [Fact]
    public void Small_segments_after_a_large_one_are_merged_into_one_and_nothing_is_lost()
    {
        WriteSearchable("base", 300);
        index.MergeDown();
        for (var write = 0; write < 4; write++)
            WriteSearchable($"api{write}", 1);
        Assert.True(Segments() >= 3, "each searchable write flushed a segment");

        index.MergeSmallSegments(); // may find the work done: the commit after a pause in writing runs it too

        Assert.Equal(2, Segments());
        Assert.Equal(new IndexStatistics(304, 608), new ArticleLookup(index).Statistics());
    }

    [Fact]
    public async Task Small_segments_are_merged_on_their_own_once_writing_pauses()
    {
        WriteSearchable("base", 300);
        index.MergeDown();
        for (var write = 0; write < 4; write++)
            WriteSearchable($"api{write}", 1);

        // The commit that follows the writes (SearchIndex.CommitDelay) finds writing paused, or the one after it does.
        var deadline = DateTime.UtcNow + 4 * SearchIndex.CommitDelay;
        while (Segments() > 2 && DateTime.UtcNow < deadline)
            await Task.Delay(100);

        Assert.Equal(2, Segments());
    }

    [Fact]
    public void Segments_of_like_size_are_left_to_a_full_merge()
    {
        for (var batch = 0; batch < 3; batch++)
            WriteSearchable($"bulk{batch}", 40);

        Assert.False(index.MergeSmallSegments());
        Assert.Equal(3, Segments());
    }

    public void Dispose()
    {
        index.Dispose();
        folder.Dispose();
    }
}
