namespace SearchService.Tests.Facets;

/// <summary>Names of bodies that contain a possessive or "and": kept whole, without swallowing an owner or a second body.</summary>
public class SpeakerBodyNameTests
{
    private static IReadOnlyList<string> Speakers(string paragraph) => Facets.Speakers.Extract([paragraph])[0];

    [Fact]
    public void PossessiveInsideACompanyNameIsKept() =>
        Assert.Equal(["Moody's Investors Service Inc"],
            Speakers("Moody's Investors Service Inc said it lowered the ratings on 200 mln dlrs of the company's debt."));

    [Fact]
    public void AndInsideABodyNameIsKept() =>
        Assert.Equal(["Home Federal Savings and Loan Association"],
            Speakers("Home Federal Savings and Loan Association said it agreed to sell three branches."));

    [Fact]
    public void AndBeforeACompanySuffixIsKept() =>
        Assert.Equal(["Goodyear Tire and Rubber Co"], Speakers("Goodyear Tire and Rubber Co said it will close the plant."));

    [Fact]
    public void TwoCompaniesJoinedByAndStayApart() =>
        Assert.DoesNotContain("Exxon Corp and Mobil Corp", Speakers("Exxon Corp and Mobil Corp said they raised crude oil prices."));

    [Fact]
    public void PersonAndABodyStayApart() =>
        Assert.DoesNotContain(Speakers("Treasury Secretary James Baker and Federal Reserve Board said the dollar had fallen enough."),
            s => s.Contains(" and "));

    [Fact]
    public void CountryOwningAMinistryIsNotPartOfItsName() =>
        Assert.Equal(["Defence Ministry"], Speakers("Iraq's Defence Ministry said its aircraft hit two tankers in the Gulf."));

    [Fact]
    public void TitledPersonAfterAndIsNotPartOfABodyName() =>
        Assert.Equal(["Mikhail Petrov", "Ahmed Khan"],
            Speakers("The talks were led by Deputy Minister of Trade of Russia Mikhail Petrov and Additional Secretary Ministry of Commerce of Pakistan Ahmed Khan."));

    [Fact]
    public void PlaceBasedDescriptionIsNotPartOfTheName() =>
        Assert.Equal(["Alcan"], Speakers("Montreal-based Alcan said it would raise aluminium ingot prices by two cents a pound."));

    [Fact]
    public void AndInsideABodyNameGoesOnToItsOrganisationWord() =>
        Assert.Equal(["Securities and Exchange Commission"], Speakers("The companies also said the Securities and Exchange Commission declared effective as of March 24 the registration statement covering the securities."));

    [Fact]
    public void NameAfterSaidThatGoesOnIsWhatWasSaidNotWhoSaidIt() =>
        Assert.Equal(["John Dingell"], Speakers("House Energy and Commerce committee chairman John Dingell, D-Mich, said the Securities and " +
            "Exchange Commission should step up its enforcement of regulations which require companies to disclose corporate fraud."));

    [Fact]
    public void AndCoEndsAPartnershipsName() =>
        Assert.Equal(["Merrill Lynch and Co"],
            Speakers("Merrill Lynch and Co said it feels the cut in its credit rating by Moody's Investors Service is not justified."));
}
