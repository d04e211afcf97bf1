using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;
using static SearchService.Tests.TestSupport.TestIndex;

namespace SearchService.Tests.Searching;

/// <summary>One hit per article, counts in the unit shown, and date order, over a real index of three articles.</summary>
public sealed class CollapseAndSortTests : IDisposable
{
    private readonly TestIndex index = new TestIndex()
        .Add(new Article("old", "West Africa", [
                "Cocoa farmers in Ghana expect a large harvest.",
                "Cocoa prices fell in Accra as the harvest began.",
                "Exporters said shipping would start in May."], Date: On(2020, 1)),
            FacetsOf(region: ["Ghana"]), FacetsOf(region: ["Ghana"]), FacetsOf(region: ["Ghana"]))
        .Add(new Article("new", "Markets", [
                "Cocoa and coffee prices rose in Brazil.",
                "Coffee growers in Bahia welcomed the rain."], Date: On(2021, 6)),
            FacetsOf(region: ["Brazil"]), FacetsOf(region: ["Brazil"]))
        .Add(new Article("mid", "Oil", ["Saudi Arabia said OPEC output would stay at current levels."], Date: On(2020, 6)));

    private static DateTimeOffset On(int year, int month) => new(year, month, 1, 0, 0, 0, TimeSpan.Zero);

    private SearchResult Search(string? q, ResultUnit unit = ResultUnit.Paragraph, ResultOrder order = ResultOrder.Relevance) =>
        new ParagraphSearcher(index.Index).Search(new SearchRequest(q, Unit: unit, Order: order));

    [Fact]
    public void Collapsed_search_returns_each_article_once_with_its_other_matches()
    {
        var result = Search("cocoa", ResultUnit.Article);
        Assert.Equal(["new", "old"], result.Hits.Select(h => h.ArticleId).Order());
        Assert.Equal(1, result.Hits.Single(h => h.ArticleId == "old").OtherMatches);
        Assert.Equal(0, result.Hits.Single(h => h.ArticleId == "new").OtherMatches);
    }

    [Fact]
    public void Collapsed_search_counts_paragraphs_and_articles()
    {
        var result = Search("cocoa", ResultUnit.Article);
        Assert.Equal((3L, 2L), (result.Total, result.TotalArticles));
    }

    [Fact]
    public void Collapsed_facet_counts_are_in_articles()
    {
        var regions = Search("cocoa", ResultUnit.Article).Facets.Region;
        Assert.Equal(1, regions.Single(v => v.Value == "Ghana").Count);
        Assert.Equal(2, Search("cocoa").Facets.Region.Single(v => v.Value == "Ghana").Count);
    }

    [Fact]
    public void Paragraph_hits_carry_no_article_counts()
    {
        var result = Search("cocoa");
        Assert.Null(result.TotalArticles);
        Assert.All(result.Hits, h => Assert.Null(h.OtherMatches));
    }

    [Fact]
    public void Date_order_puts_the_newest_article_first_even_with_a_query()
    {
        Assert.Equal(["new", "old", "old"], Search("cocoa", order: ResultOrder.Date).Hits.Select(h => h.ArticleId));
    }

    [Fact]
    public void Date_order_breaks_ties_by_paragraph_order()
    {
        Assert.Equal([1, 2], Search("harvest", order: ResultOrder.Date).Hits.Select(h => h.Paragraph));
    }

    [Fact]
    public void Collapsed_empty_query_lists_articles_newest_first()
    {
        Assert.Equal(["new", "mid", "old"], Search(null, ResultUnit.Article).Hits.Select(h => h.ArticleId));
    }

    [Fact]
    public void Collapsed_hits_with_equal_scores_are_in_article_id_order_across_segments()
    {
        // Each article is made searchable on its own, so each lands in a segment of its own.
        using var tied = new TestIndex()
            .Add(new Article("c", "Cocoa", ["Cocoa prices rose."]))
            .Add(new Article("a", "Cocoa", ["Cocoa prices rose."]))
            .Add(new Article("b", "Cocoa", ["Cocoa prices rose.", "Cocoa prices rose."]));

        var result = new ParagraphSearcher(tied.Index).Search(new SearchRequest("cocoa", Unit: ResultUnit.Article));

        Assert.Equal(["a", "b", "c"], result.Hits.Select(h => h.ArticleId));
        Assert.Equal(1, result.Hits.Single(h => h.ArticleId == "b").Paragraph);
        Assert.Equal([4L, 3L], [result.Total, result.TotalArticles!.Value]);
    }

    [Fact]
    public void A_replaced_article_is_one_hit_with_its_new_paragraphs_counted()
    {
        using var replaced = new TestIndex()
            .Add(new Article("x", "Cocoa", ["Cocoa rose.", "Cocoa fell."]))
            .Add(new Article("y", "Cocoa", ["Cocoa was steady."]))
            .Add(new Article("x", "Cocoa", ["Cocoa rose.", "Cocoa fell.", "Cocoa rose again."]));

        var result = new ParagraphSearcher(replaced.Index).Search(new SearchRequest("cocoa", Unit: ResultUnit.Article));

        Assert.Equal(["x", "y"], result.Hits.Select(h => h.ArticleId).Order());
        Assert.Equal(2, result.Hits.Single(h => h.ArticleId == "x").OtherMatches);
        Assert.Equal([4L, 2L], [result.Total, result.TotalArticles!.Value]);
    }

    [Fact]
    public void Collapsed_pages_follow_each_other_without_overlap()
    {
        var first = Search("cocoa OR coffee OR saudi", ResultUnit.Article);
        var all = new ParagraphSearcher(index.Index).Search(new SearchRequest("cocoa OR coffee OR saudi", Unit: ResultUnit.Article, PageSize: 10)).Hits;
        var pages = Enumerable.Range(1, 3)
            .SelectMany(page => new ParagraphSearcher(index.Index).Search(new SearchRequest("cocoa OR coffee OR saudi", Unit: ResultUnit.Article, Page: page, PageSize: 1)).Hits)
            .ToList();

        Assert.Equal(3, first.TotalArticles);
        Assert.Equal(all.Select(h => h.ArticleId), pages.Select(h => h.ArticleId));
    }

    public void Dispose() => index.Dispose();
}
