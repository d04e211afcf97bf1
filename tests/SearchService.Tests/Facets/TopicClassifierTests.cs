using SearchService.Core.Facets;

namespace SearchService.Tests.Facets;

public class TopicClassifierTests
{
    private static IReadOnlyList<string> Topics(string text) => Facets.Topics.Classify(text);

    [Fact]
    public void Inflected_forms_match_the_trigger() =>
        Assert.Contains("Terrorist financing", Topics("The two sides will continue dialogue on countering financing of terrorism."));

    [Fact]
    public void Spaced_form_matches_a_hyphenated_topic() =>
        Assert.Contains("Counter-terrorism", Topics("Both agencies stepped up counter terrorism cooperation."));

    [Fact]
    public void Specific_phrase_consumes_its_generic_word() =>
        Assert.DoesNotContain("Terrorism", Topics("The ministers discussed the phenomenon of foreign terrorist fighters."));

    [Fact]
    public void Foreign_fighters_get_their_own_topic() =>
        Assert.Contains("Foreign terrorist fighters", Topics("The ministers discussed the phenomenon of foreign terrorist fighters."));

    [Fact]
    public void Terrorist_propaganda_is_extremist_propaganda() =>
        Assert.Contains("Extremist propaganda", Topics("They vowed to counter the spread of terrorist propaganda in the information space, particularly on the Internet."));

    [Fact]
    public void Working_together_at_the_United_Nations_is_international_cooperation() =>
        Assert.Contains("International cooperation", Topics("They will work closely on issues of common concern at the United Nations and the SCO."));

    // ScoreEach keeps its working lists from one text to the next: the words a phrase used up in the first text
    // ("financing of terrorism") must be free again in the second, where the same phrase stands at the same places.
    [Fact]
    public void Texts_scored_together_are_each_scored_as_alone()
    {
        var texts = new[]
        {
            "They discussed the financing of terrorism at length with the delegation.",
            "Financing of terrorism was discussed.",
            "The next meeting will be held in 2022.",
        }.Select(TextTokens.Tokenize).ToList();
        static string Scores(TopicEvidence e) => string.Join(", ", e.Scores.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));
        var together = Facets.Topics.ScoreEach(texts).Select(Scores).ToList();
        Assert.Equal(texts.Select(t => Scores(Facets.Topics.Score(t))), together);
        Assert.Contains("Terrorist financing", together[1]);
    }

    [Fact]
    public void One_weak_cue_is_not_enough() =>
        Assert.Empty(Topics("The next meeting will be held in 2022."));

    [Fact]
    public void Two_cues_together_are_enough() =>
        Assert.Contains("Diplomacy", Topics("The delegation will visit the capital for talks."));

    [Fact]
    public void Quarterly_profit_report_is_first_of_all_corporate_earnings() =>
        Assert.Equal("Corporate earnings", Topics("The company reported first quarter net profit of 12.5 mln dlrs, or 45 cts per share, against 9.8 mln dlrs.")[0]);

    [Fact]
    public void Crude_output_story_is_energy() =>
        Assert.Contains("Energy", Topics("OPEC ministers agreed to hold crude oil output at 15.8 mln barrels per day."));

    [Fact]
    public void Wheat_purchase_story_is_commodities() =>
        Assert.Contains("Commodities", Topics("The Soviet Union bought 200,000 tonnes of U.S. wheat for delivery in May, trade sources said."));

    [Fact]
    public void Dollar_against_the_yen_story_is_currencies() =>
        Assert.Contains("Currencies", Topics("The dollar fell against the yen in nervous foreign exchange trading."));

    [Fact]
    public void Tender_offer_story_is_mergers_and_acquisitions() =>
        Assert.Contains("Mergers and acquisitions", Topics("The group said it had launched a tender offer for all outstanding shares."));

    [Fact]
    public void Trade_war_is_trade_not_military_conflict()
    {
        var topics = Topics("Officials warned a trade war over semiconductors could hurt exports.");
        Assert.Contains("Trade", topics);
        Assert.DoesNotContain("Military conflict", topics);
    }

    [Fact]
    public void Article_topics_weigh_the_title()
    {
        var body = new[] { Facets.Topics.Score("The delegation will visit the capital for talks.") };
        Assert.Equal("Energy", Facets.Topics.ClassifyArticle("OPEC agrees crude oil output cut", body)[0]);
    }

    [Fact]
    public void Article_drops_minor_asides()
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
