using SearchService.Core.Searching;

namespace SearchService.Tests.Searching.Cursors;

public sealed class CursorPagingTests
{
    private static readonly SearchRequest Cocoa = new("cocoa", PageSize: 5);

    [Fact]
    public void A_walk_by_relevance_shows_the_hits_of_its_first_page_s_index_once_each_while_articles_are_added_and_replaced()
    {
        using var walk = new CursorWalk();
        var before = walk.Paging.Search(Cocoa with { PageSize = 100 }).Hits.Select(h => h.Id).ToList();

        var (hits, _) = walk.Walk(Cocoa, pages => ChangeIndex(walk, pages));

        Assert.Equal(before, hits.Select(h => h.Id));
    }

    [Fact]
    public void A_walk_newest_first_shows_the_hits_of_its_first_page_s_index_once_each_while_articles_are_added_and_replaced()
    {
        using var walk = new CursorWalk();
        var request = Cocoa with { Order = ResultOrder.Date };
        var before = walk.Paging.Search(request with { PageSize = 100 }).Hits.Select(h => h.Id).ToList();

        var (hits, _) = walk.Walk(request, pages => ChangeIndex(walk, pages));

        Assert.Equal(before, hits.Select(h => h.Id));
    }

    [Fact]
    public void A_walk_by_article_shows_each_matching_article_once_and_as_many_as_total_articles()
    {
        using var walk = new CursorWalk();
        var request = Cocoa with { Unit = ResultUnit.Article, PageSize = 5 };

        var (hits, _) = walk.Walk(request, pages => ChangeIndex(walk, pages));

        Assert.Equal(12, hits.Select(h => h.ArticleId).Distinct().Count());
        Assert.Equal(12, hits.Count);
    }

    [Fact]
    public void The_last_page_carries_no_next_when_the_hits_fill_it_exactly()
    {
        using var walk = new CursorWalk();

        var (hits, pages) = walk.Walk(Cocoa with { PageSize = 6 });

        Assert.Equal(24, hits.Count);
        Assert.Equal(4, pages);
    }

    [Fact]
    public void A_cursor_from_a_numbered_page_goes_on_after_that_page()
    {
        using var walk = new CursorWalk();
        var all = walk.Paging.Search(Cocoa with { PageSize = 100 }).Hits.Select(h => h.Id).ToList();

        var third = walk.Paging.Search(Cocoa with { Page = 3, PageSize = 4 });
        var next = walk.Paging.Search(Cocoa with { PageSize = 4, After = third.Next });

        Assert.Equal(all.Skip(12).Take(4), next.Hits.Select(h => h.Id));
    }

    [Fact]
    public void A_walk_newest_first_goes_on_in_the_current_index_once_its_point_in_time_has_expired()
    {
        using var walk = new CursorWalk();
        var request = Cocoa with { Order = ResultOrder.Date };
        var before = walk.Paging.Search(request with { PageSize = 100 }).Hits.Select(h => h.Id).ToList();

        var (hits, _) = walk.Walk(request, pages =>
        {
            walk.Clock.Advance(walk.Points.KeepAlive + TimeSpan.FromSeconds(1));
            walk.Index.Add(CursorWalk.Story($"added-{pages}", 28, "Cocoa added later."));
        });

        // The added stories are newer than every hit, so they come before the cursor: the walk neither shows nor misses any other.
        Assert.Equal(before, hits.Select(h => h.Id));
    }

    [Fact]
    public void A_walk_by_relevance_whose_point_in_time_has_expired_is_refused()
    {
        using var walk = new CursorWalk();
        var first = walk.Paging.Search(Cocoa);
        walk.Clock.Advance(walk.Points.KeepAlive + TimeSpan.FromSeconds(1));

        var refused = Assert.Throws<CursorException>(() => walk.Paging.Search(Cocoa with { After = first.Next }));

        Assert.Contains("expired", refused.Message);
    }

    [Fact]
    public void A_cursor_for_another_query_is_refused()
    {
        using var walk = new CursorWalk();
        var first = walk.Paging.Search(Cocoa);

        var refused = Assert.Throws<CursorException>(() => walk.Paging.Search(new SearchRequest("bahia", PageSize: 5) with { After = first.Next }));

        Assert.Contains("another search", refused.Message);
    }

    [Fact]
    public void A_cursor_for_the_same_query_in_another_order_is_refused()
    {
        using var walk = new CursorWalk();
        var first = walk.Paging.Search(Cocoa);

        Assert.Throws<CursorException>(() => walk.Paging.Search(Cocoa with { Order = ResultOrder.Date, After = first.Next }));
    }

    [Fact]
    public void A_cursor_with_semantic_re_ranking_is_refused()
    {
        using var walk = new CursorWalk();
        var first = walk.Paging.Search(Cocoa);

        var refused = Assert.Throws<CursorException>(() => walk.Paging.Search(Cocoa with { SemanticRerank = true, After = first.Next }));

        Assert.Contains("rerank=semantic", refused.Message);
    }

    [Fact]
    public void A_cursor_with_one_character_changed_is_refused()
    {
        using var walk = new CursorWalk();
        var next = walk.Paging.Search(Cocoa).Next!;
        var altered = next[..10] + (next[10] == 'A' ? 'B' : 'A') + next[11..];

        var refused = Assert.Throws<CursorException>(() => walk.Paging.Search(Cocoa with { After = altered }));

        Assert.Contains("altered", refused.Message);
    }

    [Fact]
    public void A_cursor_made_by_another_server_is_refused()
    {
        using var walk = new CursorWalk();
        using var other = new CursorWalk(stories: 2);
        var foreign = other.Paging.Search(Cocoa with { PageSize = 1 }).Next!;

        Assert.Throws<CursorException>(() => walk.Paging.Search(Cocoa with { After = foreign }));
    }

    [Theory]
    [InlineData("not a cursor")]
    [InlineData("abc")]
    [InlineData("")]
    public void Text_that_is_not_a_cursor_is_refused(string text)
    {
        using var walk = new CursorWalk();

        Assert.Throws<CursorException>(() => walk.Paging.Search(Cocoa with { After = text + "x" }));
    }

    [Fact]
    public void No_more_points_in_time_than_the_bound_are_held_however_often_the_index_changes()
    {
        using var walk = new CursorWalk(stories: 3, maxOpen: 2);

        for (var i = 0; i < 4; i++)
        {
            walk.Paging.Search(Cocoa);
            walk.Index.Add(CursorWalk.Story($"more-{i}", 20 + i, "Cocoa again."));
        }

        Assert.Equal(2, walk.Points.Count);
    }

    /// <summary>
    /// Before each page: a new story that ranks above every hit and is the newest, a story already shown and one not
    /// yet shown rewritten (the cursor's point in time keeps them as they were).
    /// </summary>
    private static void ChangeIndex(CursorWalk walk, int pages)
    {
        walk.Index.Add(CursorWalk.Story($"new-{pages}", 27, "Cocoa cocoa cocoa: cocoa futures jumped."));
        walk.Index.Add(CursorWalk.Story("cocoa-03", 3, "Rewritten: coffee, not the other crop."));
        walk.Index.Add(CursorWalk.Story($"cocoa-{12 - pages:D2}", 12 - pages, "Rewritten cocoa cocoa story."));
    }
}
