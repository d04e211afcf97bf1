using SearchService.Core.Corpus;

namespace SearchService.Tests.Facets;

/// <summary>Which named places make a paragraph (and an article) about them, and which are passing mentions.</summary>
public class RegionSalienceTests
{
    private static IReadOnlyList<(string Region, bool AsLocation)> Named(string text) =>
        Facets.Regions.Named(text).Select(n => (n.Region.Name, n.AsLocation)).ToList();

    [Fact]
    public void Place_after_in_is_a_location() =>
        Assert.Equal([("Afghanistan", true)], Named("The two sides assessed regional threats, particularly in Afghanistan."));

    [Fact]
    public void Place_after_in_the_is_a_location() =>
        Assert.Equal([("United States", true)], Named("Output in the United States fell 18.5 pct to 5.30 mln tonnes."));

    [Fact]
    public void Place_in_a_list_is_no_location() =>
        Assert.Equal([("Canada", false), ("France", false)], Named("Ministers of Canada and France agreed to cooperate."));

    [Fact]
    public void Place_before_accord_is_a_modifier() =>
        Assert.Empty(Named("Central bankers said they were satisfied with the Paris accord on currencies."));

    [Fact]
    public void Place_before_dollar_is_a_modifier() =>
        Assert.Empty(Named("The contract is quoted in multiples of one U.S. dollar."));

    [Fact]
    public void Listed_in_a_place_is_no_location() =>
        Assert.Equal([("Luxembourg", false)], Named("The bonds will be listed in Luxembourg."));

    [Fact]
    public void Passing_mention_in_one_paragraph_is_not_the_articles_region()
    {
        var article = new Article("a", "Qantas to buy four jumbo jets", [
            "Qantas Airways said it would buy four Boeing 747-400 aircraft for about one billion dlrs.",
            "Qantas said the aircraft would be delivered from 1989.",
            "They will also be used on non-stop flights between Sydney and Los Angeles.",
        ], Dateline: "SYDNEY, March 2");

        var facets = Facets.Extractor.Extract(article);

        Assert.Equal(["Australia"], facets.Article.Region);
        Assert.Equal(["Australia"], facets.Paragraphs[2].Region);
    }

    [Fact]
    public void Country_named_in_two_paragraphs_is_the_articles_region()
    {
        var article = new Article("b", "Minister sees trade talks progress", [
            "The trade minister said talks with Japan on semiconductors were making progress.",
            "He said Japan had agreed to open its market further.",
        ], Dateline: "WASHINGTON, April 2");

        Assert.Equal(["United States", "Japan"], Facets.Extractor.Extract(article).Article.Region);
    }
}
