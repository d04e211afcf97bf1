namespace SearchService.Tests.Facets;

public class SpeakerExtractorTests
{
    private static IReadOnlyList<IReadOnlyList<string>> Speakers(params string[] paragraphs) => Facets.Speakers.Extract(paragraphs);

    private static IReadOnlyList<string> Speakers(string paragraph) => Speakers([paragraph])[0];

    [Fact]
    public void TitleAndCountryAreStrippedFromAName() =>
        Assert.Equal(["Oleg V Syromolotov"], Speakers("The talks were led by Deputy Minister of Foreign Affairs of Russia Oleg V Syromolotov."));

    [Fact]
    public void TitleWithMinistryIsStrippedFromAName() =>
        Assert.Equal(["Nabeel Munir"], Speakers("The session was chaired by Additional Secretary Ministry of Foreign Affairs of Pakistan Nabeel Munir."));

    [Fact]
    public void CoChairsAreBothSpeakers() =>
        Assert.Equal(["Sergei Lavrov", "Shah Mahmood Qureshi"],
            Speakers("The meeting was co-chaired by Foreign Minister Sergei Lavrov and Foreign Minister Shah Mahmood Qureshi."));

    [Fact]
    public void TitleThatIsAlsoANameStaysAtTheEnd() =>
        Assert.Equal(["John Major"], Speakers("Prime Minister John Major said the talks would continue."));

    [Fact]
    public void InitialWithAPeriodGivesTheSameName() =>
        Assert.Equal(["Oleg V Syromolotov"], Speakers("The talks were led by Deputy Foreign Minister Oleg V. Syromolotov."));

    [Fact]
    public void SubjectBeforeSaid() =>
        Assert.Equal(["James Baker"], Speakers("Treasury Secretary James Baker said the dollar had fallen far enough."));

    [Fact]
    public void SpeakerAfterAQuotation() =>
        Assert.Equal(["Paul Volcker"], Speakers("\"Rates will stay where they are,\" said Federal Reserve Chairman Paul Volcker."));

    [Fact]
    public void SpeakerNamedAfterItsFirmIsThePerson() =>
        Assert.Equal(["Bannon"], Speakers("\"The Fed couldn't have waited until the start of the new statement period today,\" added Security Pacific's Bannon."));

    [Fact]
    public void OwnerAfterSaidBeginsWhatWasSaid() =>
        Assert.Equal(["Labatt"], Speakers(
            "The debentures were sold to underwriters by Labatt on Friday.",
            "Labatt, 38 pct-owned by Brascan Ltd, said Brascan's 49 pct-owned Great Lakes Group Inc agreed to acquire the debentures.")[1]);

    [Fact]
    public void SpeakerAfterAParaphrase() =>
        Assert.Equal(["Karl Otto Poehl"], Speakers("West German growth will pick up later this year, said Bundesbank President Karl Otto Poehl."));

    [Fact]
    public void BodyNamedByOrganisationWords() =>
        Assert.Equal(["Finance Ministry"], Speakers("The Finance Ministry said the budget deficit would narrow."));

    [Fact]
    public void AccordingToAStatementOfABody() =>
        Assert.Equal(["Foreign Office"], Speakers("The accord was reached in Moscow, according to a statement of the Foreign Office."));

    [Fact]
    public void OrganisationSpokesmanSpeaksForTheOrganisation() =>
        Assert.Equal(["Bank of England"], Speakers("A Bank of England spokesman said the market was orderly."));

    [Fact]
    public void ItAddedResolvesToTheLastBody() =>
        Assert.Equal(["Foreign Office"], Speakers("The talks ended, the Foreign Office said.", "Both sides agreed to meet again, it added.")[1]);

    [Fact]
    public void TheCompanySaidResolvesToTheLastBody() =>
        Assert.Equal(["General Motors Corp"], Speakers(
            "General Motors Corp said car sales for February 21 through 28 were off 8.6 pct.",
            "The company said truck sales for the period were up 10.9 pct to 42,593 from 38,402 a year before.")[1]);

    [Fact]
    public void TheCompanySaidAfterTheSentenceResolvesToTheLastBody() =>
        Assert.Equal(["RJR Nabisco Inc"], Speakers(
            "RJR Nabisco Inc said it nominated J. Paul Sticht to become chairman of the board.",
            "Sticht's appointment will be voted on by the board at its regular meeting on April 22, the company said.")[1]);

    [Fact]
    public void TheDepartmentSaidResolvesToTheLastDepartment() =>
        Assert.Equal(["Commerce Department"], Speakers(
            "The Commerce Department said personal income rose 0.9 pct in February.",
            "Exxon Corp said it raised crude oil postings.",
            "Non-defense capital goods orders fell 1.6 pct in February, the department said.")[2]);

    [Fact]
    public void TheBankSaidWithNoBankQuotedIsNoOne() =>
        Assert.Empty(Speakers(
            "Exxon Corp said it raised crude oil postings.",
            "The bank said the loan would be repaid in May.")[1]);

    [Fact]
    public void ACompanySaidIsNoOneInParticular() =>
        Assert.Empty(Speakers(
            "General Motors Corp said car sales were off 8.6 pct.",
            "One company said prices would hold.")[1]);

    [Fact]
    public void HeAfterAnUnnamedSpokesmanIsNotTheLastPersonNamed() =>
        Assert.Equal(["U.S. Sprint"], Speakers(
            "Treasury Secretary James Baker said the talks were useful.",
            "\"Someone should establish a reasonable rate of return,\" a U.S. Sprint spokesman said. But he added the company was not opposed to greater competition.")[1]);

    [Fact]
    public void HeAfterAnUnnamedDealerIsNoOne() =>
        Assert.Empty(Speakers(
            "Treasury Secretary James Baker said the talks were useful.",
            "\"Belonging to IPMA carries prestige with borrowers,\" said a dealer at a small foreign bank. \"Borrowers can travel first class,\" he said.")[1]);

    [Fact]
    public void ItFurtherStatedResolvesToTheLastBody() =>
        Assert.Equal(["Foreign Office"], Speakers("The talks ended, the Foreign Office said.", "It further stated that the sides would meet again.")[1]);

    [Fact]
    public void TheStatementNotedResolvesToItsIssuer() =>
        Assert.Equal(["Foreign Office"], Speakers(
            "The talks ended, according to a statement of the Foreign Office.",
            "\"Both sides renewed their commitment,\" the statement noted.")[1]);

    [Fact]
    public void SaidTheStatementResolvesToItsIssuer() =>
        Assert.Equal(["Foreign Office"], Speakers(
            "The talks ended, according to a statement of the Foreign Office.",
            "\"Both sides renewed their commitment,\" said the statement.")[1]);

    [Fact]
    public void HeResolvesToTheLastPerson() =>
        Assert.Equal(["Nabeel Munir"], Speakers(
            "The delegation was led by Additional Secretary Nabeel Munir.",
            "He said the talks had been useful.")[1]);

    [Fact]
    public void ItIgnoresPeople() =>
        Assert.Equal(["Exxon Corp"], Speakers(
            "Exxon Corp said its chairman, Lee Raymond, would retire.",
            "It added that a successor would be named in May.")[1]);

    [Fact]
    public void SurnameResolvesToTheFullNameMentionedEarlier() =>
        Assert.Equal(["Nabeel Munir"], Speakers(
            "The delegation was led by Additional Secretary Nabeel Munir.",
            "Munir said the talks had been useful.")[1]);

    [Fact]
    public void PronounWithNothingToReferToGivesNoSpeaker() =>
        Assert.Empty(Speakers("It added that the talks would continue."));

    [Fact]
    public void BareTitleIsNoSpeaker() =>
        Assert.Empty(Speakers("The Foreign Minister said the talks would continue."));

    [Fact]
    public void CountryIsNoSpeaker() =>
        Assert.Empty(Speakers("Pakistan said the talks would continue."));

    [Fact]
    public void PlainWordOpeningASentenceIsNoSpeaker() =>
        Assert.Empty(Speakers("Analysts said the talks would continue."));

    [Fact]
    public void NameAfterAPrepositionIsNotTheSpeaker() =>
        Assert.Empty(Speakers("Economists polled by Reuters said money supply would rise."));

    [Fact]
    public void PersonWhoMeetsAnotherActs() =>
        Assert.Equal(["Sergei Lavrov", "Shah Mahmood Qureshi"], Speakers("Foreign Minister Sergei Lavrov met Shah Mahmood Qureshi in Moscow."));

    [Fact]
    public void ParagraphWithoutAttributionHasNoSpeaker() =>
        Assert.Empty(Speakers("The next meeting of the Working Group will be held in 2022."));
}
