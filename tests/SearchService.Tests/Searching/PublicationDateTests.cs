using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;
using static SearchService.Tests.TestSupport.TestIndex;

namespace SearchService.Tests.Searching;

/// <summary>
/// Limiting a search to publication dates, and the date facet (matches per year or month), over a real index of five
/// cocoa articles, one of them undated.
/// </summary>
public sealed class PublicationDateTests : IDisposable
{
    private readonly TestIndex index = new TestIndex()
        .Add(new Article("march-2", "Cocoa", ["Cocoa prices fell in Accra.", "Ghana's harvest began early."],
                Date: At(1987, 3, 2, 9)),
            FacetsOf(region: ["Ghana"]), FacetsOf(region: ["Ghana"]))
        .Add(new Article("march-31", "Cocoa", ["Cocoa exporters in Abidjan held stocks."], Date: At(1987, 3, 31, 23)),
            FacetsOf(region: ["Ivory Coast"]))
        .Add(new Article("april-1", "Cocoa", ["Cocoa shipments from Ghana resumed."], Date: At(1987, 4, 1, 0)),
            FacetsOf(region: ["Ghana"]))
        .Add(new Article("undated", "Cocoa", ["Cocoa growers met in Accra."]), FacetsOf(region: ["Ghana"]))
        .Add(new Article("year-before", "Cocoa", ["Cocoa stocks in London rose."], Date: At(1986, 12, 31, 12)),
            FacetsOf(region: ["United Kingdom"]));

    private static DateTimeOffset At(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private SearchResult Search(DateTimeOffset? from, DateTimeOffset? to, string? q = "cocoa", ResultUnit unit = ResultUnit.Paragraph) =>
        new ParagraphSearcher(index.Index).Search(new SearchRequest(q, Unit: unit, Dates: new DateRange(from, to)));

    private IReadOnlyList<FacetValue> DateFacet(
        DateInterval interval, ResultUnit unit = ResultUnit.Paragraph, DateRange? dates = null, string[]? region = null) =>
        new ParagraphSearcher(index.Index).Search(new SearchRequest("cocoa", Region: region, Unit: unit, Dates: dates, DateFacet: interval))
            .Facets.Date!;

    private static List<string> Articles(SearchResult result) => result.Hits.Select(h => h.ArticleId).Distinct().Order().ToList();

    [Fact]
    public void Date_facet_counts_paragraphs_per_month_oldest_first_without_undated_ones()
    {
        Assert.Equal(
            [new FacetValue("1986-12", 1), new FacetValue("1987-03", 3), new FacetValue("1987-04", 1)],
            DateFacet(DateInterval.Month));
    }

    [Fact]
    public void Date_facet_counts_per_year()
    {
        Assert.Equal([new FacetValue("1986", 1), new FacetValue("1987", 4)], DateFacet(DateInterval.Year));
    }

    [Fact]
    public void Date_facet_counts_each_article_once_when_collapsed()
    {
        Assert.Equal(
            [new FacetValue("1986-12", 1), new FacetValue("1987-03", 2), new FacetValue("1987-04", 1)],
            DateFacet(DateInterval.Month, ResultUnit.Article));
    }

    [Fact]
    public void Date_facet_ignores_the_date_range_but_not_the_other_filters()
    {
        var march = new DateRange(At(1987, 3, 1, 0), At(1987, 3, 31, 23));
        Assert.Equal(
            [new FacetValue("1987-03", 2), new FacetValue("1987-04", 1)],
            DateFacet(DateInterval.Month, dates: march, region: ["Ghana"]));
    }

    [Fact]
    public void No_date_facet_unless_asked_for()
    {
        Assert.Null(Search(null, null).Facets.Date);
    }

    [Fact]
    public void Both_ends_are_included()
    {
        var march = Search(At(1987, 3, 2, 9), At(1987, 3, 31, 23));
        Assert.Equal(["march-2", "march-31"], Articles(march));
    }

    [Fact]
    public void An_open_end_reaches_every_dated_article_on_that_side_but_never_an_undated_one()
    {
        Assert.Equal(["april-1", "march-2", "march-31", "year-before"], Articles(Search(null, At(1987, 12, 31, 0))));
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
