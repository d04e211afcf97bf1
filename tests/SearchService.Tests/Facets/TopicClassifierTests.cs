namespace SearchService.Tests.Facets;

public class TopicClassifierTests
{
    private static IReadOnlyList<string> Topics(string text) => Facets.Topics.Classify(text);

    [Fact]
    public void InflectedFormsMatchTheTrigger() =>
        Assert.Contains("Terrorist financing", Topics("The two sides will continue dialogue on countering financing of terrorism."));

    [Fact]
    public void HyphenatedAndSpacedFormsMatch() =>
        Assert.Contains("Counter-terrorism", Topics("Both agencies stepped up counter terrorism cooperation."));

    [Fact]
    public void SpecificPhraseConsumesItsGenericWord() =>
        Assert.DoesNotContain("Terrorism", Topics("The ministers discussed the phenomenon of foreign terrorist fighters."));

    [Fact]
    public void ForeignFightersGetTheirOwnTopic() =>
        Assert.Contains("Foreign terrorist fighters", Topics("The ministers discussed the phenomenon of foreign terrorist fighters."));

    [Fact]
    public void PropagandaInTheInformationSpace() =>
        Assert.Contains("Extremist propaganda", Topics("They vowed to counter the spread of terrorist propaganda in the information space, particularly on the Internet."));

    [Fact]
    public void UnitedNationsCooperation() =>
        Assert.Contains("International cooperation", Topics("They will work closely on issues of common concern at the United Nations and the SCO."));

    [Fact]
    public void OneWeakCueIsNotEnough() =>
        Assert.Empty(Topics("The next meeting will be held in 2022."));

    [Fact]
    public void TwoCuesTogetherAreEnough() =>
        Assert.Contains("Diplomacy", Topics("The delegation will visit the capital for talks."));

    [Fact]
    public void ReutersStyleEarningsReport() =>
        Assert.Equal("Corporate earnings", Topics("The company reported first quarter net profit of 12.5 mln dlrs, or 45 cts per share, against 9.8 mln dlrs.")[0]);

    [Fact]
    public void ReutersStyleOilStory() =>
        Assert.Contains("Energy", Topics("OPEC ministers agreed to hold crude oil output at 15.8 mln barrels per day."));

    [Fact]
    public void ReutersStyleGrainStory() =>
        Assert.Contains("Commodities", Topics("The Soviet Union bought 200,000 tonnes of U.S. wheat for delivery in May, trade sources said."));

    [Fact]
    public void ReutersStyleCurrencyStory() =>
        Assert.Contains("Currencies", Topics("The dollar fell against the yen in nervous foreign exchange trading."));

    [Fact]
    public void ReutersStyleTakeoverStory() =>
        Assert.Contains("Mergers and acquisitions", Topics("The group said it had launched a tender offer for all outstanding shares."));

    [Fact]
    public void TradeWarIsTradeNotMilitaryConflict()
    {
        var topics = Topics("Officials warned a trade war over semiconductors could hurt exports.");
        Assert.Contains("Trade", topics);
        Assert.DoesNotContain("Military conflict", topics);
    }

    [Fact]
    public void ArticleTopicsWeighTheTitle()
    {
        var body = new[] { Facets.Topics.Score("The delegation will visit the capital for talks.") };
        Assert.Equal("Energy", Facets.Topics.ClassifyArticle("OPEC agrees crude oil output cut", body)[0]);
    }

    [Fact]
    public void ArticleDropsMinorAsides()
    {
        var paragraphs = new[]
        {
            "OPEC ministers agreed to cut crude oil output and defend oil prices at the refinery gate.",
            "Crude oil and natural gas production will fall, petroleum ministers said.",
            "The meeting was held in a hotel near a football stadium.",
        }.Select(Facets.Topics.Score);
        Assert.DoesNotContain("Sport", Facets.Topics.ClassifyArticle("Oil producers meet", paragraphs));
    }
}
