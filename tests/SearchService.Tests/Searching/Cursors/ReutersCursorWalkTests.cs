using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;
using Xunit.Abstractions;

namespace SearchService.Tests.Searching.Cursors;

/// <summary>Walks through every page of broad queries over the first Reuters articles, and what a deep page costs.</summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ReutersCursorWalkTests(ReutersCursorIndex reuters, ITestOutputHelper output) : IClassFixture<ReutersCursorIndex>
{
    [ReutersFact]
    public void Walking_every_page_of_a_broad_query_shows_every_hit_once_and_as_many_as_total()
    {
        var request = new SearchRequest("said", PageSize: 100);

        var (hits, total) = Walk(request);

        Assert.True(total > 3_000, $"only {total} paragraphs matched: not broad enough to need many pages");
        Assert.Equal(total, hits.Count);
        Assert.Equal(total, hits.Select(h => h.Id).Distinct().Count());
    }

    [ReutersFact]
    public void Walking_every_page_newest_first_without_a_query_shows_every_paragraph_once()
    {
        var (hits, total) = Walk(new SearchRequest(null, PageSize: 100));

        Assert.Equal(reuters.Index.Search(s => s.IndexReader.NumDocs), total);
        Assert.Equal(total, hits.Select(h => h.Id).Distinct().Count());
    }

    [ReutersFact]
    public void Walking_every_page_of_a_question_shows_every_hit_once_in_the_order_of_its_first_pages()
    {
        var request = new SearchRequest("what did the central bank say about interest rates", PageSize: 50);
        var ranked = reuters.Searcher.Search(request with { PageSize = 100, Page = 10 });

        var (hits, total) = Walk(request);

        Assert.Equal(total, hits.Select(h => h.Id).Distinct().Count());
        Assert.Equal(total, hits.Count);
        Assert.Equal(ranked.Hits.Select(h => h.Id), hits.Skip(900).Take(100).Select(h => h.Id));
    }

    [ReutersFact]
    public void Walking_every_page_of_a_question_favouring_fresh_articles_shows_its_hits_in_the_order_of_its_first_pages()
    {
        Assert.True(HalfLife.TryParse("7d", out var halfLife));
        var request = new SearchRequest(
            "what did the central bank say about interest rates", PageSize: 50, Recency: new RecencyDecay(halfLife, new DateTimeOffset(1987, 3, 15, 0, 0, 0, TimeSpan.Zero)));
        var ranked = reuters.Searcher.Search(request with { PageSize = 100, Page = 10 });

        var (hits, _) = Walk(request);

        Assert.Equal(ranked.Hits.Select(h => h.Id), hits.Skip(900).Take(100).Select(h => h.Id));
    }

    [ReutersFact]
    public void Walking_every_page_by_article_shows_every_matching_article_once_and_as_many_as_total_articles()
    {
        var request = new SearchRequest("said", PageSize: 100, Unit: ResultUnit.Article);

        var (hits, _) = Walk(request);
        var totalArticles = reuters.Paging.Search(request).TotalArticles;

        Assert.Equal(totalArticles, hits.Count);
        Assert.Equal(totalArticles, hits.Select(h => h.ArticleId).Distinct().Count());
    }

    [ReutersFact]
    public void A_deep_page_puts_no_more_hits_in_order_than_an_early_one_and_holds_no_more_than_a_page()
    {
        var request = new SearchRequest("said", PageSize: 50);
        var cursors = new List<string>();
        var result = reuters.Paging.Search(request);
        while (result.Next is { } next)
        {
            cursors.Add(next);
            result = reuters.Paging.Search(request with { After = next });
        }

        var (early, deep) = (Work(request, cursors[0]), Work(request, cursors[^2]));
        output.WriteLine($"{cursors.Count + 1} pages; page 2 put {early.Ordered} hits in order and held {early.Held}; page {cursors.Count} put {deep.Ordered} in order and held {deep.Held}");

        Assert.True(cursors.Count > 60, $"only {cursors.Count} pages");
        Assert.True(deep.Ordered <= early.Ordered, $"page {cursors.Count - 1} put {deep.Ordered} hits in order, page 2 {early.Ordered}");
        Assert.Equal(50, deep.Held);
    }

    private (List<SearchHit> Hits, long Total) Walk(SearchRequest request)
    {
        var result = reuters.Paging.Search(request);
        var (hits, total) = (result.Hits.ToList(), result.Total);
        while (result.Next is { } next)
        {
            result = reuters.Paging.Search(request with { After = next });
            Assert.Equal(total, result.Total);
            hits.AddRange(result.Hits);
        }
        return (hits, total);
    }

    /// <summary>What collecting the page after <paramref name="cursor"/> does: hits put in order, and hits held at the end.</summary>
    private (long Ordered, int Held) Work(SearchRequest request, string cursor)
    {
        var after = reuters.Codec.Decode(cursor);
        return reuters.Index.Search(searcher =>
        {
            var page = new AfterCursorCollector(searcher.IndexReader, new CursorBound(after, byScore: true), byScore: true, request.PageSize, rescored: null);
            searcher.Search(reuters.Searcher.Matching(searcher, request).Matches, page);
            return (page.Ordered, page.Best().Count);
        });
    }
}
