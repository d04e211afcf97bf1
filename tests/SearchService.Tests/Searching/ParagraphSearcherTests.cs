using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;
using static SearchService.Tests.TestSupport.TestIndex;

namespace SearchService.Tests.Searching;

/// <summary>Facet filters and counts, paging and ordering over a real index.</summary>
public sealed class ParagraphSearcherTests : IDisposable
{
    private static readonly DateTimeOffset Older = new(2021, 11, 22, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Newer = new(2021, 11, 23, 0, 0, 0, TimeSpan.Zero);

    private readonly TestIndex index = new TestIndex()
        .Add(new Article("old", "Security talks", ["Pakistan and Russia discussed terrorism.", "Afghanistan was on the agenda of the terrorism talks."], Older),
            FacetsOf(["Pakistan", "Russia"], ["Counter-terrorism"], ["Foreign Office"]),
            FacetsOf(["Afghanistan"], ["Counter-terrorism"]))
        .Add(new Article("new", "Trade", ["Pakistan signed a trade deal.", "Russia exports wheat.", "Terrorism was not discussed."], Newer),
            FacetsOf(["Pakistan"], ["Trade"]),
            FacetsOf(["Russia"], ["Trade", "Agriculture"]),
            FacetsOf([], ["Counter-terrorism"]));

    private SearchResult Search(string? q = null, string[]? region = null, string[]? topic = null, int page = 1, int pageSize = 10) =>
        new ParagraphSearcher(index.Index).Search(new SearchRequest(q, Region: region, Topic: topic, Page: page, PageSize: pageSize));

    private static Dictionary<string, int> Counts(IReadOnlyList<FacetValue> values) => values.ToDictionary(v => v.Value, v => v.Count);

    [Fact]
    public void Empty_query_lists_every_paragraph_newest_article_first_in_paragraph_order()
    {
        var result = Search();
        Assert.Equal(5, result.Total);
        Assert.Equal(["new#1", "new#2", "new#3", "old#1", "old#2"], result.Hits.Select(h => h.Id));
        Assert.All(result.Hits, h => Assert.Null(h.Score));
    }

    [Fact]
    public void Region_filter_matches_only_paragraphs_with_that_region()
    {
        var result = Search(region: ["Afghanistan"]);
        Assert.Equal(["old#2"], result.Hits.Select(h => h.Id));
    }

    [Fact]
    public void Values_of_one_facet_are_ORed()
    {
        Assert.Equal(3, Search(region: ["Afghanistan", "Russia"]).Total);
    }

    [Fact]
    public void Different_facets_are_ANDed()
    {
        var result = Search(region: ["Russia"], topic: ["Trade"]);
        Assert.Equal(["new#2"], result.Hits.Select(h => h.Id));
    }

    [Fact]
    public void Facet_counts_cover_all_matches_not_only_the_page()
    {
        var result = Search(pageSize: 1);
        Assert.Single(result.Hits);
        Assert.Equal(new Dictionary<string, int> { ["Pakistan"] = 2, ["Russia"] = 2, ["Afghanistan"] = 1 }, Counts(result.Facets.Region));
        Assert.Equal(3, Counts(result.Facets.Topic)["Counter-terrorism"]);
    }

    [Fact]
    public void Facet_counts_are_sorted_by_count_then_value()
    {
        Assert.Equal(["Pakistan", "Russia", "Afghanistan"], Search().Facets.Region.Select(v => v.Value));
    }

    [Fact]
    public void A_facet_size_keeps_the_largest_counts_and_breaks_ties_by_value()
    {
        // Topics: Counter-terrorism 3, Trade 2, Agriculture 1. Regions: Pakistan 2, Russia 2, Afghanistan 1.
        var result = new ParagraphSearcher(index.Index).Search(new SearchRequest(null, FacetSize: 2));

        Assert.Equal([new FacetValue("Counter-terrorism", 3), new FacetValue("Trade", 2)], result.Facets.Topic);
        Assert.Equal([new FacetValue("Pakistan", 2), new FacetValue("Russia", 2)], result.Facets.Region);
    }

    [Fact]
    public void A_facets_own_filter_does_not_narrow_its_counts_but_other_filters_do()
    {
        var result = Search(region: ["Afghanistan"], topic: ["Counter-terrorism"]);
        // Region counted under the topic filter only: the other regions stay offered for multi-select.
        Assert.Equal(new Dictionary<string, int> { ["Pakistan"] = 1, ["Russia"] = 1, ["Afghanistan"] = 1 }, Counts(result.Facets.Region));
        // Topic counted under the region filter only.
        Assert.Equal(new Dictionary<string, int> { ["Counter-terrorism"] = 1 }, Counts(result.Facets.Topic));
    }

    [Fact]
    public void With_one_facet_filtered_its_counts_leave_its_filter_out_and_the_others_keep_it()
    {
        var result = Search(q: "terrorism", region: ["Afghanistan"]);
        Assert.Equal(["old#2"], result.Hits.Select(h => h.Id));
        Assert.Equal(1, result.Total);
        // Region counted over every "terrorism" paragraph; topic only over the Afghanistan one.
        Assert.Equal(new Dictionary<string, int> { ["Pakistan"] = 1, ["Russia"] = 1, ["Afghanistan"] = 1 }, Counts(result.Facets.Region));
        Assert.Equal(new Dictionary<string, int> { ["Counter-terrorism"] = 1 }, Counts(result.Facets.Topic));
    }

    [Fact]
    public void With_one_facet_filtered_article_counts_leave_its_filter_out()
    {
        var result = new ParagraphSearcher(index.Index).Search(new SearchRequest("terrorism", Topic: ["Trade"], Unit: ResultUnit.Article));
        Assert.Equal(0, result.Total);
        Assert.Equal(0, result.TotalArticles);
        // Both articles have a "terrorism" paragraph about counter-terrorism; none of those paragraphs is about trade.
        Assert.Equal(new Dictionary<string, int> { ["Counter-terrorism"] = 2, ["Trade"] = 0 }, Counts(result.Facets.Topic));
    }

    [Fact]
    public void Selected_value_without_matches_is_still_listed_with_zero()
    {
        var result = Search(q: "wheat", region: ["Afghanistan"]);
        Assert.Equal(0, result.Total);
        Assert.Contains(new FacetValue("Afghanistan", 0), result.Facets.Region);
    }

    [Fact]
    public void Query_and_filter_combine()
    {
        var result = Search(q: "terrorism", region: ["Pakistan"]);
        Assert.Equal(["old#1"], result.Hits.Select(h => h.Id));
    }

    [Fact]
    public void Pages_follow_each_other_without_overlap()
    {
        var first = Search(pageSize: 2).Hits.Select(h => h.Id);
        var second = Search(page: 2, pageSize: 2).Hits.Select(h => h.Id);
        var third = Search(page: 3, pageSize: 2).Hits.Select(h => h.Id);
        Assert.Equal(["new#1", "new#2", "new#3", "old#1", "old#2"], first.Concat(second).Concat(third));
    }

    [Fact]
    public void Page_past_the_end_is_empty_with_the_right_total()
    {
        var result = Search(page: 9, pageSize: 10);
        Assert.Empty(result.Hits);
        Assert.Equal(5, result.Total);
    }

    [Fact]
    public void Ranked_hits_carry_scores_in_descending_order()
    {
        var hits = Search(q: "terrorism").Hits;
        Assert.Equal(3, hits.Count);
        Assert.All(hits, h => Assert.NotNull(h.Score));
        Assert.Equal(hits.Select(h => h.Score).OrderByDescending(s => s), hits.Select(h => h.Score));
    }

    [Fact]
    public void Hit_carries_article_metadata_and_paragraph_facets()
    {
        var hit = Search(q: "Afghanistan").Hits.Single();
        Assert.Equal(("old", 2, "Security talks", Older), (hit.ArticleId, hit.Paragraph, hit.Title, hit.Date!.Value));
        Assert.Equal(["Afghanistan"], hit.Region);
        Assert.Contains("<mark>Afghanistan</mark>", hit.Snippet);
    }

    [Fact]
    public void Lucene_syntax_error_says_where()
    {
        var searcher = new ParagraphSearcher(index.Index);
        var e = Assert.Throws<QuerySyntaxException>(() => searcher.Search(new SearchRequest("terrorism AND (", QuerySyntax.Lucene)));
        Assert.Contains("column", e.Message);
    }

    [Fact]
    public void Lucene_syntax_can_search_a_facet_field()
    {
        var result = new ParagraphSearcher(index.Index).Search(new SearchRequest("region:Afghanistan OR title:trade", QuerySyntax.Lucene));
        Assert.Equal(4, result.Total);
    }

    public void Dispose() => index.Dispose();
}
