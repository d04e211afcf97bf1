using SearchService.Core.Corpus;
using SearchService.Core.Facets;

namespace SearchService.Tests.Facets;

/// <summary>
/// The Reuters-code taxonomy (<c>Data/topics.reuters.json</c>) on news sentences written for these tests: the wording
/// that names a category, and the everyday company and currency words that do not.
/// </summary>
public class ReutersTopicTaxonomyTests
{
    private static readonly Lazy<NewsFacetExtractor> Extractor =
        new(() => NewsFacetExtractor.Load(Path.Combine(AppContext.BaseDirectory, "Data", "topics.reuters.json")));

    private static IReadOnlyList<string> Topics(string title, params string[] paragraphs) =>
        Extractor.Value.Extract(new Article("test", title, paragraphs)).Article.Topic;

    [Fact]
    public void Note_offering_by_a_unit_is_no_takeover() =>
        Assert.DoesNotContain("acq", Topics("Pacific Power unit sells notes",
            "Pacific Power Finance Co, a unit of Pacific Power Inc, said it sold 150 mln dlrs of notes due 1997 through underwriters led by Salomon Brothers Inc.",
            "The subsidiary said it will use the proceeds to repay bank debt."));

    [Fact]
    public void Selling_a_division_is_a_takeover() =>
        Assert.Contains("acq", Topics("Acme to sell chemicals division",
            "Acme Corp said it will sell its specialty chemicals division to Beta Industries Inc for 45 mln dlrs in cash."));

    [Fact]
    public void Profit_in_yen_is_no_yen_story() =>
        Assert.DoesNotContain("yen", Topics("Toyota group profit rises",
            "Toyota Motor Corp said group net profit rose to 120 billion yen in the year to March from 98 billion yen a year earlier.",
            "Sales rose to 6,300 billion yen from 6,100 billion yen."));

    [Fact]
    public void Dollar_moves_are_a_dollar_story() =>
        Assert.Contains("dlr", Topics("Dollar falls in Tokyo",
            "The dollar fell against the yen in Tokyo as dealers sold ahead of U.S. trade figures due on Friday.",
            "The dollar fell to 145.20 yen from 146.50 at the close in New York."));

    [Fact]
    public void Call_money_rate_is_an_interest_rate_story() =>
        Assert.Contains("interest", Topics("Spain raises call money rate",
            "The Bank of Spain said it raised its overnight call money rate to 14 pct from 13.5 pct at today's money market auction."));

    [Fact]
    public void Imports_of_a_commodity_are_not_trade_policy() =>
        Assert.Equal(["cotton"], Topics("South Korea to import more cotton",
            "South Korea plans to import 400,000 tonnes of cotton this year against 250,000 tonnes last year, mill officials said.",
            "Imports of U.S. cotton will rise as local mills expand."));
}
