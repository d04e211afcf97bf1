using SearchService.Core.Corpus;

namespace SearchService.Tests.Facets;

/// <summary>Which named places make a paragraph (and an article) about them, and which are passing mentions.</summary>
public class RegionSalienceTests
{
    private static IReadOnlyList<(string Region, bool AsLocation)> Named(string text) =>
        Facets.Regions.Named(text).Select(n => (n.Region.Name, n.AsLocation)).ToList();

    // The extractor finds each paragraph's places once for the region and the speaker facets; a paragraph in capitals
    // is read case-blind for its regions all the same (the speaker facet's case-sensitive places name none in it).
    [Fact]
    public void A_paragraph_in_capitals_names_its_regions()
    {
        var article = new Article("d", "Cotton output review", [
            "PAKISTAN COTTON OUTPUT SEEN HIGHER THIS SEASON",
            "Officials said the crop would be larger.",
        ], Dateline: "ISLAMABAD, March 3");
        Assert.Equal(["Pakistan"], Facets.Extractor.Extract(article).Paragraphs[0].Region);
    }

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

    [Fact]
    public void Where_an_agreement_was_reached_is_no_location() =>
        Assert.Equal([("France", false)],
            Named("Finance Minister Kiichi Miyazawa said exchange rates will stay stable due to the currency accord reached in Paris last month."));

    [Fact]
    public void Where_talks_were_held_is_no_location() =>
        Assert.Equal([("United Kingdom", false)],
            Named("The failure of the coffee talks in London means new quotas are not immediately needed, one analyst said."));

    [Fact]
    public void A_place_as_a_modifier_in_the_headline_is_not_the_articles_region()
    {
        var article = new Article("c", "DLR BELOW 150 YEN COUNTER TO PARIS ACCORD - MIYAZAWA", [
            "Finance Minister Kiichi Miyazawa said he regards a dollar below 150 yen as counter to the agreement of major nations.",
            "He said Japan's budget for 1987/88 has been delayed.",
        ], Dateline: "TOKYO, April 7");

        Assert.Equal(["Japan"], Facets.Extractor.Extract(article).Article.Region);
    }
}
