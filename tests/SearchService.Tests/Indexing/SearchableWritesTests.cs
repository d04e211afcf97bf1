using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Indexing;

public sealed class SearchableWritesTests : IDisposable
{
    private static readonly ArticleFacets NoFacets = new(ParagraphFacets.Empty, []);

    private readonly TestIndex index = new();
    private readonly BlockingCollection<(string Id, bool Found)> told = new();

    public SearchableWritesTests() =>
        index.Index.Searchable.Observe(batch =>
        {
            foreach (var written in batch)
                told.Add((written.Article.Id, Searchable(written.Article.Id)));
        }, () => []);

    [Fact]
    public void An_article_written_is_told_once_searchable_and_searches_find_it_then()
    {
        index.Index.ReplaceArticle(NewsArticles.Cocoa("cocoa-1"), NoFacets, null);

        Assert.True(told.TryTake(out var first, TestIndex.SearchableWithin));
        Assert.Equal(("cocoa-1", true), first);
        index.Index.WaitUntilSearchable(TestIndex.SearchableWithin);
        Assert.False(told.TryTake(out _, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void An_article_written_twice_before_a_refresh_is_told_once()
    {
        index.Index.ReplaceArticle(NewsArticles.Cocoa("cocoa-2", "First headline"), NoFacets, null);
        index.Index.WaitForGeneration(index.Index.ReplaceArticle(NewsArticles.Cocoa("cocoa-2"), NoFacets, null), TestIndex.SearchableWithin);

        Assert.True(told.TryTake(out var only, TestIndex.SearchableWithin));
        Assert.Equal("cocoa-2", only.Id);
        Assert.False(told.TryTake(out _, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void An_article_deleted_before_a_refresh_is_not_told()
    {
        index.Index.ReplaceArticle(NewsArticles.Cocoa("cocoa-3"), NoFacets, null);
        index.Index.WaitForGeneration(index.Index.DeleteArticle("cocoa-3"), TestIndex.SearchableWithin);
        index.Index.WaitForGeneration(index.Index.ReplaceArticle(NewsArticles.Cocoa("cocoa-4"), NoFacets, null), TestIndex.SearchableWithin);

        Assert.True(told.TryTake(out var next, TestIndex.SearchableWithin));
        Assert.Equal("cocoa-4", next.Id);
    }

    private bool Searchable(string id) =>
        index.Index.Search(searcher => searcher.Search(new TermQuery(new Term(IndexSchema.ArticleId, id)), 1).TotalHits > 0);

    public void Dispose()
    {
        index.Dispose();
        told.Dispose();
    }
}
