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
    private readonly WritesHeard heard;

    public SearchableWritesTests()
    {
        heard = new WritesHeard(this);
        index.Index.Searchable.Observe(heard, () => []);
    }

    [Fact]
    public void An_article_written_is_told_at_once_with_its_generation_before_it_is_searchable()
    {
        using (index.Index.BeginBulkPass())
        {
            var generation = index.Index.ReplaceArticle(NewsArticles.Cocoa("cocoa-1"), NoFacets, null);

            Assert.True(heard.Written.TryTake(out var written, TestIndex.SearchableWithin));
            Assert.Equal((generation, "cocoa-1"), (written.Generation, written.Id));
        }
    }

    [Fact]
    public void A_refresh_tells_the_generation_it_made_searchable_and_searches_find_the_write_then()
    {
        var generation = index.Index.ReplaceArticle(NewsArticles.Cocoa("cocoa-2"), NoFacets, null);
        index.Index.WaitForGeneration(generation, TestIndex.SearchableWithin);

        var told = heard.SearchableUpTo.GetConsumingEnumerable().First(t => t.Generation >= generation);
        Assert.True(told.Found);
    }

    [Fact]
    public void A_write_nobody_waits_for_is_told_searchable_by_the_background_refresh()
    {
        // Not waited for: only the 5-s background refresh makes it searchable before the reopen thread's 30-s one.
        var generation = index.Index.ReplaceArticle(NewsArticles.Cocoa("cocoa-3"), NoFacets, null);

        var deadline = DateTime.UtcNow + (IndexGeneration.BulkPassRefresh - TimeSpan.FromSeconds(5));
        var told = false;
        while (!told && heard.SearchableUpTo.TryTake(out var refresh, deadline - DateTime.UtcNow > TimeSpan.Zero ? deadline - DateTime.UtcNow : TimeSpan.Zero))
            told = refresh.Generation >= generation;
        Assert.True(told, "No refresh told the write searchable before the reopen thread's bulk-pass cadence.");
    }

    [Fact]
    public void A_deletion_is_told_with_its_generation()
    {
        index.Index.ReplaceArticle(NewsArticles.Cocoa("cocoa-4"), NoFacets, null);
        var generation = index.Index.DeleteArticle("cocoa-4");

        Assert.True(heard.Deleted.TryTake(out var deleted, TestIndex.SearchableWithin));
        Assert.Equal((generation, "cocoa-4"), deleted);
    }

    private bool Searchable(string id) =>
        index.Index.Search(searcher => searcher.Search(new TermQuery(new Term(IndexSchema.ArticleId, id)), 1).TotalHits > 0);

    public void Dispose()
    {
        index.Dispose();
        heard.Dispose();
    }

    /// <summary>What the index tells, as it tells it; a refresh is heard with whether the last article written was then found.</summary>
    private sealed class WritesHeard(SearchableWritesTests test) : IWriteObserver, IDisposable
    {
        private volatile string? lastWritten;

        public BlockingCollection<(long Generation, string Id)> Written { get; } = new();
        public BlockingCollection<(long Generation, string Id)> Deleted { get; } = new();
        public BlockingCollection<(long Generation, bool Found)> SearchableUpTo { get; } = new();

        void IWriteObserver.Written(long generation, SearchableArticle written)
        {
            lastWritten = written.Article.Id;
            Written.Add((generation, written.Article.Id));
        }

        void IWriteObserver.Deleted(long generation, string articleId) => Deleted.Add((generation, articleId));

        void IWriteObserver.SearchableUpTo(long generation) =>
            SearchableUpTo.Add((generation, lastWritten is { } id && test.Searchable(id)));

        public void Dispose()
        {
            Written.Dispose();
            Deleted.Dispose();
            SearchableUpTo.Dispose();
        }
    }
}
