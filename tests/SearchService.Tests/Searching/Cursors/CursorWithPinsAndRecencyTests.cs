using SearchService.Core.Searching;

namespace SearchService.Tests.Searching.Cursors;

/// <summary>Cursor walks of searches with pinned results and with recency: every hit once, whatever the clock does between pages.</summary>
public sealed class CursorWithPinsAndRecencyTests
{
    private static readonly SearchRequest CocoaArticles = new("cocoa", Unit: ResultUnit.Article, PageSize: 3);

    [Fact]
    public void A_walk_shows_the_pinned_articles_first_and_every_article_once()
    {
        using var walk = new CursorWalk();

        var (hits, _) = walk.Walk(CocoaArticles with { Pinned = ["cocoa-05", "cocoa-09"] });

        Assert.Equal(["cocoa-05", "cocoa-09"], hits.Take(2).Select(h => h.ArticleId));
        Assert.Equal(12, hits.Count);
        Assert.Equal(12, hits.Select(h => h.ArticleId).Distinct().Count());
    }

    [Fact]
    public void A_first_page_of_pinned_articles_only_is_followed_by_every_other_article()
    {
        using var walk = new CursorWalk();

        var (hits, _) = walk.Walk(CocoaArticles with { PageSize = 2, Pinned = ["cocoa-05", "cocoa-09"] });

        Assert.Equal(12, hits.Count);
        Assert.Equal(12, hits.Select(h => h.ArticleId).Distinct().Count());
    }

    [Fact]
    public void A_walk_favouring_fresh_articles_ages_them_at_its_first_page_s_moment_while_the_clock_moves_on()
    {
        using var walk = new CursorWalk();
        Assert.True(HalfLife.TryParse("3d", out var halfLife));
        var start = new DateTimeOffset(1987, 3, 13, 0, 0, 0, TimeSpan.Zero);
        SearchRequest At(DateTimeOffset now) => CocoaArticles with { Recency = new RecencyDecay(halfLife, now) };
        var all = walk.Paging.Search(At(start) with { PageSize = 100 }).Hits.Select(h => h.ArticleId).ToList();

        var page = walk.Paging.Search(At(start));
        var hits = page.Hits.Select(h => h.ArticleId).ToList();
        for (var day = 1; page.Next is { } next; day++)
        {
            // Each request is aged at its own time, as the endpoint does; the walk must keep its first page's.
            page = walk.Paging.Search(At(start.AddDays(day * 5)) with { After = next });
            hits.AddRange(page.Hits.Select(h => h.ArticleId));
        }

        Assert.Equal(all, hits);
    }
}
