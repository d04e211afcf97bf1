namespace SearchService.Tests.Facets;

public class RegionExtractorTests
{
    private static IReadOnlyList<string> Regions(string text) => Facets.Regions.Extract(text);

    [Fact]
    public void Jordan_the_person_is_no_country() =>
        Assert.Empty(Regions("Michael Jordan said he would play on Sunday."));

    [Fact]
    public void Jordan_with_a_following_surname_is_no_country() =>
        Assert.Empty(Regions("The book by Jordan Peterson sold well."));

    [Fact]
    public void Jordan_after_a_title_is_no_country() =>
        Assert.Empty(Regions("Mr Jordan declined to comment."));

    [Fact]
    public void Jordan_the_country_is_found() =>
        Assert.Equal(["Jordan"], Regions("King Hussein of Jordan arrived in the capital."));

    [Fact]
    public void Jordan_opening_a_sentence_is_the_country() =>
        Assert.Equal(["Jordan"], Regions("Jordan said on Monday it would reopen the border."));

    [Fact]
    public void Turkey_the_bird_is_no_country() =>
        Assert.Empty(Regions("Wholesale turkey prices rose ahead of the holiday."));

    [Fact]
    public void Turkey_the_country_is_found() =>
        Assert.Equal(["Turkey"], Regions("Exports to Turkey fell in March."));

    [Fact]
    public void Chad_the_first_name_is_no_country() =>
        Assert.Empty(Regions("Chad Smith, a trader, said prices had peaked."));

    [Fact]
    public void Chad_the_country_is_found() =>
        Assert.Equal(["Chad"], Regions("Government troops retook northern Chad."));

    [Fact]
    public void Georgia_after_a_US_city_is_the_United_States() =>
        Assert.Equal(["United States"], Regions("The company is based in Atlanta, Georgia."));

    [Fact]
    public void Georgia_after_an_unknown_town_is_the_United_States() =>
        Assert.Equal(["United States"], Regions("The plant in Dalton, Georgia, will close."));

    [Fact]
    public void Georgia_state_is_the_United_States() =>
        Assert.Equal(["United States"], Regions("He studied at a Georgia state college."));

    [Fact]
    public void Georgia_after_its_capital_is_the_country() =>
        Assert.Equal(["Georgia"], Regions("Protests continued in Tbilisi, Georgia."));

    [Fact]
    public void Georgia_in_a_list_of_countries_is_the_country() =>
        Assert.Equal(["Armenia", "Georgia", "Azerbaijan"], Regions("Armenia, Georgia and Azerbaijan signed the pipeline deal."));

    [Fact]
    public void Us_the_pronoun_is_no_country() =>
        Assert.Empty(Regions("He told us the deal was off."));

    [Fact]
    public void Gulf_of_Mexico_is_not_the_Gulf_region() =>
        Assert.DoesNotContain("Gulf", Regions("A storm moved into the Gulf of Mexico."));

    [Fact]
    public void Gulf_in_a_company_name_is_no_region() =>
        Assert.Empty(Regions("Gulf Oil raised its posted prices."));

    [Fact]
    public void All_caps_headline_finds_distinctive_names() =>
        Assert.Equal(["Pakistan", "Russia"], Regions("PAKISTAN AND RUSSIA AGREE TO BROADEN ENGAGEMENT"));

    [Fact]
    public void All_caps_headline_skips_short_ambiguous_forms() =>
        Assert.Empty(Regions("LET US KNOW, SAYS CHAD"));

    [Theory]
    [InlineData("ISLAMABAD", "Pakistan")]
    [InlineData("SALVADOR, Feb 26", "Brazil")]
    [InlineData("NEW YORK, March 3", "United States")]
    [InlineData("MOSCOW, April 1", "Russia")]
    [InlineData("PORTLAND, Ore., Feb 26", "United States")]
    [InlineData("BIRMINGHAM, Ala., March 2", "United States")]
    [InlineData("TORONTO, March 5", "Canada")]
    public void Dateline_gives_the_country(string dateline, string country) =>
        Assert.Equal(country, Facets.Regions.FromDateline(dateline));

    [Fact]
    public void Unknown_dateline_gives_no_region() =>
        Assert.Null(Facets.Regions.FromDateline("SPRINGFIELD, March 3"));

}
