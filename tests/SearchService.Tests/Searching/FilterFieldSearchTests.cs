using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Searching;

/// <summary>Publisher fields configured as filters (Search:FilterFields) filter and count like region, topic and speaker.</summary>
public sealed class FilterFieldSearchTests : IDisposable
{
    private static readonly FieldFilters SectionAndDesk = new(["section", "fields.desk"], new Dictionary<string, IReadOnlyList<string>>());

    private readonly TestIndex index = new TestIndex()
        .Add(Story("opec-vienna", "Markets", "Energy", "Oil prices rose as OPEC ministers met in Vienna.", "Oil traders expect quotas to hold.", "Oil stocks in Rotterdam fell."))
        .Add(Story("gas-storage", "Markets", "Energy", "Gas and oil storage in Europe filled early this year."))
        .Add(Story("cocoa-ghana", "Markets", "Commodities", "Cocoa and oil palm farmers in Ghana expect a large harvest."))
        .Add(Story("oil-spill", "World", "Environment", "An oil spill off the coast of Alaska reached the beaches."));

    private static Article Story(string id, string section, string desk, params string[] paragraphs) =>
        new(id, "Oil", paragraphs, Section: section, Url: $"https://www.example-news.com/{id}",
            Fields: new Dictionary<string, string> { ["desk"] = desk });

    private SearchResult Search(ResultUnit unit = ResultUnit.Paragraph, SearchScope? scope = null, params (string Field, string Value)[] filters) =>
        new ParagraphSearcher(index.Index).Search(new SearchRequest("oil", Unit: unit, Scope: scope, Fields: SectionAndDesk with
        {
            Selected = filters.GroupBy(f => f.Field).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(f => f.Value).ToList()),
        }));

    private static Dictionary<string, int> Counts(SearchResult result, string field) =>
        result.Facets.Fields![field].ToDictionary(v => v.Value, v => v.Count);

    [Fact]
    public void A_section_filter_finds_only_the_paragraphs_of_that_section()
    {
        var result = Search(filters: ("section", "World"));

        Assert.Equal(["oil-spill"], result.Hits.Select(h => h.ArticleId));
        Assert.Equal("World", result.Hits[0].Section);
    }

    [Fact]
    public void A_field_s_counts_leave_out_its_own_filter_but_apply_the_others()
    {
        var result = Search(filters: [("section", "Markets"), ("fields.desk", "Energy")]);

        Assert.Equal(new Dictionary<string, int> { ["Markets"] = 4 }, Counts(result, "section"));
        Assert.Equal(new Dictionary<string, int> { ["Energy"] = 4, ["Commodities"] = 1 }, Counts(result, "fields.desk"));
        Assert.Equal(4, result.Total);
    }

    [Fact]
    public void Under_collapse_article_the_counts_are_in_articles()
    {
        var result = Search(ResultUnit.Article);

        Assert.Equal(new Dictionary<string, int> { ["Markets"] = 3, ["World"] = 1 }, Counts(result, "section"));
        Assert.Equal(new Dictionary<string, int> { ["Energy"] = 2, ["Commodities"] = 1, ["Environment"] = 1 }, Counts(result, "fields.desk"));
    }

    [Fact]
    public void A_scope_fixing_the_section_cannot_be_widened_by_a_filter()
    {
        var markets = new SearchScope(Fields: new Dictionary<string, IReadOnlyList<string>> { ["section"] = ["Markets"] });

        var widened = Search(scope: markets, filters: ("section", "World"));
        var unfiltered = Search(scope: markets);

        Assert.Equal(0, widened.Total);
        Assert.DoesNotContain(widened.Hits, h => h.ArticleId == "oil-spill");
        Assert.Equal(new Dictionary<string, int> { ["Markets"] = 5 }, Counts(unfiltered, "section"));
    }

    [Fact]
    public void Values_of_a_field_are_listed_by_a_word_prefix()
    {
        var values = new ParagraphSearcher(index.Index).FacetValues(new SearchRequest("oil", Fields: SectionAndDesk), "fields.desk", "en", 10);

        Assert.Equal(["Energy", "Environment"], values.Select(v => v.Value));
    }

    [Fact]
    public void A_setting_naming_a_field_that_is_no_publisher_field_is_refused()
    {
        Assert.Throws<ArgumentException>(() => FilterFieldSet.Parse("section, fields.desk, dateline"));
    }

    [Fact]
    public void A_setting_lists_its_fields_in_order()
    {
        Assert.Equal(["section", "byline", "fields.desk"], FilterFieldSet.Parse(" section,byline , fields.desk").Names);
    }

    public void Dispose() => index.Dispose();
}
