namespace SearchService.Tests.Facets;

public class RegionExtractorTests
{
    private static IReadOnlyList<string> Regions(string text) => Facets.Regions.Extract(text);

    [Fact]
    public void JordanThePersonIsNoCountry() =>
        Assert.Empty(Regions("Michael Jordan said he would play on Sunday."));

    [Fact]
    public void JordanWithAFollowingSurnameIsNoCountry() =>
        Assert.Empty(Regions("The book by Jordan Peterson sold well."));

    [Fact]
    public void JordanAfterATitleIsNoCountry() =>
        Assert.Empty(Regions("Mr Jordan declined to comment."));

    [Fact]
    public void JordanTheCountryIsFound() =>
        Assert.Equal(["Jordan"], Regions("King Hussein of Jordan arrived in the capital."));

    [Fact]
    public void JordanOpeningASentenceIsTheCountry() =>
        Assert.Equal(["Jordan"], Regions("Jordan said on Monday it would reopen the border."));

    [Fact]
    public void TurkeyTheBirdIsNoCountry() =>
        Assert.Empty(Regions("Wholesale turkey prices rose ahead of the holiday."));

    [Fact]
    public void TurkeyTheCountryIsFound() =>
        Assert.Equal(["Turkey"], Regions("Exports to Turkey fell in March."));

    [Fact]
    public void ChadTheFirstNameIsNoCountry() =>
        Assert.Empty(Regions("Chad Smith, a trader, said prices had peaked."));

    [Fact]
    public void ChadTheCountryIsFound() =>
        Assert.Equal(["Chad"], Regions("Government troops retook northern Chad."));

    [Fact]
    public void GeorgiaAfterAUsCityIsTheUnitedStates() =>
        Assert.Equal(["United States"], Regions("The company is based in Atlanta, Georgia."));

    [Fact]
    public void GeorgiaAfterAnUnknownTownIsTheUnitedStates() =>
        Assert.Equal(["United States"], Regions("The plant in Dalton, Georgia, will close."));

    [Fact]
    public void GeorgiaStateIsTheUnitedStates() =>
        Assert.Equal(["United States"], Regions("He studied at a Georgia state college."));

    [Fact]
    public void GeorgiaAfterItsCapitalIsTheCountry() =>
        Assert.Equal(["Georgia"], Regions("Protests continued in Tbilisi, Georgia."));

    [Fact]
    public void GeorgiaInAListOfCountriesIsTheCountry() =>
        Assert.Equal(["Armenia", "Georgia", "Azerbaijan"], Regions("Armenia, Georgia and Azerbaijan signed the pipeline deal."));

    [Fact]
    public void UsThePronounIsNoCountry() =>
        Assert.Empty(Regions("He told us the deal was off."));

    [Fact]
    public void GulfOfMexicoIsNoGulfRegion() =>
        Assert.DoesNotContain("Gulf", Regions("A storm moved into the Gulf of Mexico."));

    [Fact]
    public void GulfBeforeACompanyNameIsNoRegion() =>
        Assert.Empty(Regions("Gulf Oil raised its posted prices."));

    [Fact]
    public void AllCapsHeadlineFindsDistinctiveNames() =>
        Assert.Equal(["Pakistan", "Russia"], Regions("PAKISTAN AND RUSSIA AGREE TO BROADEN ENGAGEMENT"));

    [Fact]
    public void AllCapsHeadlineSkipsShortAmbiguousForms() =>
        Assert.Empty(Regions("LET US KNOW, SAYS CHAD"));

    [Theory]
    [InlineData("ISLAMABAD", "Pakistan")]
    [InlineData("SALVADOR, Feb 26", "Brazil")]
    [InlineData("NEW YORK, March 3", "United States")]
    [InlineData("MOSCOW, April 1", "Russia")]
    [InlineData("PORTLAND, Ore., Feb 26", "United States")]
    [InlineData("BIRMINGHAM, Ala., March 2", "United States")]
    [InlineData("TORONTO, March 5", "Canada")]
    public void DatelineGivesTheCountry(string dateline, string country) =>
        Assert.Equal(country, Facets.Regions.FromDateline(dateline));

    [Fact]
    public void UnknownDatelineGivesNothing() =>
        Assert.Null(Facets.Regions.FromDateline("SPRINGFIELD, March 3"));

}
