using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;
using static SearchService.Tests.TestSupport.TestIndex;

namespace SearchService.Tests.Searching;

/// <summary>
/// Pinned results (<see cref="PinnedResults"/>) over a real index: five articles on the oil price, by id in the order
/// BM25 ties them, and one on cocoa that does not share the query's words.
/// </summary>
public sealed class PinnedResultsTests : IDisposable
{
    private readonly TestIndex index = new TestIndex()
        .Add(new Article("o1", "Oil", ["The oil price rose in London.", "Brokers expect the oil price to hold."]), FacetsOf(region: ["Britain"]), FacetsOf(region: ["Britain"]))
        .Add(new Article("o2", "Oil", ["The oil price fell in Tokyo."]), FacetsOf(region: ["Japan"]))
        .Add(new Article("o3", "Oil", ["The oil price held in Vienna."], Source: "Wire"), FacetsOf(region: ["Austria"]))
        .Add(new Article("o4", "Oil", ["The oil price rose in Lagos."]), FacetsOf(region: ["Nigeria"]))
        .Add(new Article("o5", "Oil", ["The oil price fell in Houston."]), FacetsOf(region: ["United States"]))
        .Add(new Article("cocoa", "Cocoa", ["Cocoa farmers in Ghana expect a large harvest."]), FacetsOf(region: ["Ghana"]));

    private SearchResult Search(SearchRequest request) => new ParagraphSearcher(index.Index).Search(request);

    private static SearchRequest OilPrice(params string[] pinned) => new("oil price", Unit: ResultUnit.Article, PageSize: 3, Pinned: pinned);

    private static IReadOnlyList<string> Ids(SearchResult result) => result.Hits.Select(h => h.ArticleId).ToList();

    [Fact]
    public void Pinned_articles_come_first_in_the_given_order_marked_pinned()
    {
        var hits = Search(OilPrice("o4", "o2")).Hits;

        Assert.Equal(["o4", "o2", "o1"], hits.Select(h => h.ArticleId));
        Assert.Equal([true, true, null], hits.Select(h => h.Pinned));
    }

    [Fact]
    public void Without_pins_no_hit_is_marked() => Assert.All(Search(OilPrice()).Hits, h => Assert.Null(h.Pinned));

    [Fact]
    public void Totals_and_facet_counts_do_not_change()
    {
        var plain = Search(OilPrice());
        var pinned = Search(OilPrice("cocoa", "o5"));

        Assert.Equal((plain.Total, plain.TotalArticles), (pinned.Total, pinned.TotalArticles));
        Assert.Equal(plain.Facets.Region.Select(v => (v.Value, v.Count)), pinned.Facets.Region.Select(v => (v.Value, v.Count)));
    }

    [Fact]
    public void A_pinned_article_is_not_shown_again_further_down()
    {
        var all = Search(OilPrice("o1") with { PageSize = 10 });

        Assert.Equal(["o1", "o2", "o3", "o4", "o5"], Ids(all));
    }

    [Fact]
    public void With_paragraph_hits_the_pinned_paragraph_is_not_shown_again_but_its_article_s_others_are()
    {
        var all = Search(new SearchRequest("oil price", PageSize: 10, Pinned: ["o1"]));

        Assert.Equal("o1#1", all.Hits[0].Id);
        Assert.Single(all.Hits, h => h.Id == "o1#1");
        Assert.Contains(all.Hits, h => h.Id == "o1#2" && h.Pinned is null);
    }

    [Fact]
    public void The_next_page_goes_on_where_the_first_stopped()
    {
        var first = Search(OilPrice("o5"));
        var second = Search(OilPrice("o5") with { Page = 2 });

        Assert.Equal(["o5", "o1", "o2", "o3", "o4"], Ids(first).Concat(Ids(second)));
    }

    [Fact]
    public void A_pinned_article_that_does_not_share_the_words_is_shown_by_its_first_paragraph_without_a_score()
    {
        var hit = Search(OilPrice("cocoa")).Hits[0];

        Assert.Equal(("cocoa#1", true, (float?)null), (hit.Id, hit.Pinned, hit.Score));
    }

    [Fact]
    public void A_pinned_article_outside_the_filters_is_not_shown() =>
        Assert.Equal(["o2"], Ids(Search(OilPrice("o4", "cocoa") with { Region = ["Japan"] })));

    [Fact]
    public void A_pinned_article_outside_the_date_range_is_not_shown()
    {
        var range = new DateRange(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), null);
        Assert.Empty(Search(OilPrice("o4") with { Dates = range }).Hits);
    }

    [Fact]
    public void A_pinned_article_outside_the_scope_of_a_key_is_not_shown() =>
        Assert.Equal(["o3"], Ids(Search(OilPrice("o4", "cocoa") with { Scope = new SearchScope(Source: ["Wire"]) })));

    [Fact]
    public void An_unknown_article_id_is_left_out() =>
        Assert.Equal(["o2", "o1", "o3"], Ids(Search(OilPrice("no-such-article", "o2"))));

    public void Dispose() => index.Dispose();
}
