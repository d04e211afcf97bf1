using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Indexing;

public sealed class BulkPassTests : IDisposable
{
    private static readonly ArticleFacets NoFacets = new(ParagraphFacets.Empty, []);

    private readonly TestIndex index = new();

    [Fact]
    public void Outside_a_bulk_pass_a_write_nobody_waits_for_is_searchable_on_the_background_cadence()
    {
        var clock = Stopwatch.StartNew();
        index.Index.ReplaceArticle(NewsArticles.Cocoa("cocoa-1"), NoFacets, null);

        while (!Searchable("cocoa-1") && clock.Elapsed < IndexGeneration.BulkPassRefresh)
            Thread.Sleep(100);

        Assert.True(clock.Elapsed < IndexGeneration.BulkPassRefresh,
            $"not searchable within {IndexGeneration.BulkPassRefresh}; the background cadence is {SearchIndex.BackgroundRefresh}");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void During_a_bulk_pass_a_write_nobody_waits_for_waits_for_the_end_of_the_pass()
    {
        using (index.Index.BeginBulkPass())
        {
            index.Index.ReplaceArticle(NewsArticles.Cocoa("cocoa-2"), NoFacets, null);
            Thread.Sleep(SearchIndex.BackgroundRefresh * 2);
            Assert.False(Searchable("cocoa-2"));
        }

        Assert.True(index.Index.WaitUntilSearchable(TestIndex.SearchableWithin));
        Assert.True(Searchable("cocoa-2"));
    }

    [Fact]
    public void During_a_bulk_pass_a_write_waited_for_is_searchable_at_once()
    {
        using var pass = index.Index.BeginBulkPass();
        var clock = Stopwatch.StartNew();

        Assert.True(index.Index.WaitForGeneration(index.Index.ReplaceArticle(NewsArticles.Cocoa("cocoa-3"), NoFacets, null), TestIndex.SearchableWithin));

        Assert.True(Searchable("cocoa-3"));
        Assert.True(clock.Elapsed < IndexGeneration.BulkPassRefresh, $"took {clock.Elapsed}, as long as a bulk pass's background refresh");
    }

    private bool Searchable(string id) =>
        index.Index.Search(searcher => searcher.Search(new TermQuery(new Term(IndexSchema.ArticleId, id)), 1).TotalHits > 0);

    public void Dispose() => index.Dispose();
}
