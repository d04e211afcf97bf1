using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;
using static SearchService.Tests.TestSupport.TestIndex;

namespace SearchService.Tests.Searching;

/// <summary>Limiting a search to publication dates, over a real index of four cocoa articles, one of them undated.</summary>
public sealed class DateRangeTests : IDisposable
{
    private readonly TestIndex index = new TestIndex()
        .Add(new Article("march-2", "Cocoa", ["Cocoa prices fell in Accra.", "Ghana's harvest began early."],
                Date: At(1987, 3, 2, 9)),
            FacetsOf(region: ["Ghana"]), FacetsOf(region: ["Ghana"]))
        .Add(new Article("march-31", "Cocoa", ["Cocoa exporters in Abidjan held stocks."], Date: At(1987, 3, 31, 23)),
            FacetsOf(region: ["Ivory Coast"]))
        .Add(new Article("april-1", "Cocoa", ["Cocoa shipments from Ghana resumed."], Date: At(1987, 4, 1, 0)),
            FacetsOf(region: ["Ghana"]))
        .Add(new Article("undated", "Cocoa", ["Cocoa growers met in Accra."]), FacetsOf(region: ["Ghana"]));

    private static DateTimeOffset At(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private SearchResult Search(DateTimeOffset? from, DateTimeOffset? to, string? q = "cocoa", ResultUnit unit = ResultUnit.Paragraph) =>
        new ParagraphSearcher(index.Index).Search(new SearchRequest(q, Unit: unit, Dates: new DateRange(from, to)));

    private static List<string> Articles(SearchResult result) => result.Hits.Select(h => h.ArticleId).Distinct().Order().ToList();

    [Fact]
    public void Both_ends_are_included()
    {
        var march = Search(At(1987, 3, 2, 9), At(1987, 3, 31, 23));
        Assert.Equal(["march-2", "march-31"], Articles(march));
    }

    [Fact]
    public void An_open_end_reaches_every_dated_article_on_that_side_but_never_an_undated_one()
    {
        Assert.Equal(["april-1", "march-2", "march-31"], Articles(Search(null, At(1987, 12, 31, 0))));
        Assert.Equal(["april-1", "march-31"], Articles(Search(At(1987, 3, 3, 0), null)));
    }

    [Fact]
    public void Totals_and_facet_counts_cover_only_the_range()
    {
        var march = Search(At(1987, 3, 1, 0), At(1987, 3, 31, 23), q: null);
        Assert.Equal(3, march.Total);
        Assert.Equal(2, march.Facets.Region.Single(v => v.Value == "Ghana").Count);
        Assert.Equal(1, march.Facets.Region.Single(v => v.Value == "Ivory Coast").Count);
    }

    [Fact]
    public void Articles_are_counted_within_the_range_when_collapsed()
    {
        var march = Search(At(1987, 3, 1, 0), At(1987, 3, 31, 23), unit: ResultUnit.Article);
        Assert.Equal((3L, 2L), (march.Total, march.TotalArticles)); // the headline "Cocoa" matches every paragraph
    }

    [Fact]
    public void A_range_with_no_articles_finds_nothing()
    {
        var result = Search(At(1990, 1, 1, 0), At(1990, 12, 31, 0));
        Assert.Equal(0, result.Total);
        Assert.Empty(result.Hits);
    }

    public void Dispose() => index.Dispose();
}
