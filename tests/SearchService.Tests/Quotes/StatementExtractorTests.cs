using SearchService.Core.Corpus;
using SearchService.Core.Quotes;
using SearchService.Tests.Facets;

namespace SearchService.Tests.Quotes;

public class StatementExtractorTests
{
    private static IReadOnlyList<Statement> Seed => Facets.Facets.Extractor.Extract(SeedArticle.Article).Statements!;

    private static IReadOnlyList<Statement> Statements(params string[] paragraphs) =>
        Facets.Facets.Extractor.Extract(new Article("test", "Test", paragraphs)).Statements!;

    private static Statement Only(string paragraph) => Assert.Single(Statements(paragraph));

    // The statements of <paramref name="paragraph"/> after one naming its speaker in full, as its article does.
    private static IEnumerable<Statement> After(string naming, string paragraph) => Statements(naming, paragraph).Where(s => s.Paragraph == 2);

    [Fact]
    public void The_seed_articles_quoted_statement_is_the_Foreign_Offices()
    {
        var statement = Assert.Single(Seed, s => s.Text.StartsWith("Russia and Pakistan acknowledged and appreciated each other’s efforts", StringComparison.Ordinal));
        Assert.Equal("Foreign Office", statement.Speaker);
        Assert.Equal("said", statement.Verb);
        Assert.EndsWith("and the phenomenon of foreign terrorist fighters", statement.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seed_articles_statement_on_Afghanistan_is_the_whole_quotation()
    {
        var statement = Assert.Single(Seed, s => s.Text.Contains("Afghanistan", StringComparison.Ordinal));
        Assert.Equal("As part of this strategic dialogue Russia and Pakistan conducted a thorough exchange of assessments of global and " +
                     "regional terrorist threats, particularly in Afghanistan, the Middle East and North Africa, and Central and South Asia",
            statement.Text);
        Assert.Equal(("Foreign Office", "noted"), (statement.Speaker, statement.Verb));
    }

    [Fact]
    public void A_statement_carries_the_regions_and_topics_of_its_paragraph()
    {
        var article = SeedArticle.Article;
        var facets = Facets.Facets.Extractor.Extract(article);
        var statement = Assert.Single(facets.Statements!, s => s.Text.Contains("Afghanistan", StringComparison.Ordinal));
        Assert.Equal(facets.Paragraphs[statement.Paragraph - 1].Region, statement.Regions);
        Assert.Equal(facets.Paragraphs[statement.Paragraph - 1].Topic, statement.Topics);
        Assert.Contains("Afghanistan", statement.Regions);
    }

    [Fact]
    public void An_extractor_without_statements_gives_the_same_facets_and_no_statements()
    {
        var with = Facets.Facets.Extractor.Extract(SeedArticle.Article);
        var without = Facets.Facets.Extractor.WithoutStatements().Extract(SeedArticle.Article);
        Assert.Null(without.Statements);
        Assert.Equal(with.Paragraphs.Select(p => p.Speaker), without.Paragraphs.Select(p => p.Speaker));
        Assert.Equal(with.Article.Region, without.Article.Region);
    }

    [Fact]
    public void A_statement_is_where_its_offsets_say_in_its_paragraph()
    {
        foreach (var statement in Seed)
            Assert.Equal(statement.Text, SeedArticle.Paragraph(statement.Paragraph)[statement.Start..statement.End]);
    }

    [Fact]
    public void Reported_speech_after_that_is_the_statement()
    {
        var statement = Assert.Single(Seed, s => s.Verb == "stated");
        Assert.Equal("the two sides highlighted that the spread of terrorist mindset and ideologies and emergence of new forms of terrorism posed a grave challenge",
            statement.Text);
        Assert.Equal("Foreign Office", statement.Speaker);
    }

    [Fact]
    public void An_attribution_ending_the_sentence_takes_what_comes_before()
    {
        var statement = Only("Japan's trade surplus is likely to widen further this year, the Finance Ministry said.");
        Assert.Equal(("Japan's trade surplus is likely to widen further this year", "Finance Ministry", "said"), (statement.Text, statement.Speaker, statement.Verb));
    }

    [Fact]
    public void Reported_speech_without_that_runs_to_the_end_of_the_sentence() =>
        Assert.Equal("the dollar had fallen far enough against the yen",
            Only("Treasury Secretary James Baker said the dollar had fallen far enough against the yen. Markets were calm.").Text);

    [Fact]
    public void An_inverted_attribution_after_a_quotation_takes_the_quotation()
    {
        var statement = Only("\"Rates will stay where they are for some time,\" said Federal Reserve Chairman Paul Volcker.");
        Assert.Equal(("Rates will stay where they are for some time", "Paul Volcker"), (statement.Text, statement.Speaker));
    }

    [Fact]
    public void A_quotation_of_several_sentences_is_taken_from_its_opening_mark() =>
        Assert.Equal("We are not going to intervene. The market will find its level",
            Only("\"We are not going to intervene. The market will find its level,\" a Bundesbank official said, adding nothing more. Bonn agreed.").Text);

    [Fact]
    public void A_quotation_after_a_colon_ends_at_its_closing_mark() =>
        Assert.Equal("We will not accept any cut in our quota",
            Only("Oil Minister Gholamreza Aqazadeh told reporters: \"We will not accept any cut in our quota.\" He left for Vienna.").Text);

    [Fact]
    public void The_listener_of_told_is_no_part_of_the_statement() =>
        Assert.Equal("the company would report a loss for the quarter",
            Only("Chairman Lee Iacocca told Reuters the company would report a loss for the quarter.").Text);

    [Fact]
    public void A_denial_is_a_statement_listed_under_denied()
    {
        var statement = Only("Exxon Corp denied that it planned to sell its refining unit.");
        Assert.Equal(("it planned to sell its refining unit", "denied", "Exxon Corp"), (statement.Text, statement.Verb, statement.Speaker));
    }

    [Fact]
    public void A_verb_form_is_listed_under_its_reporting_verb() =>
        Assert.Equal("warned", Only("Saudi Oil Minister Hisham Nazer warns that prices could fall below 15 dlrs a barrel.").Verb);

    [Fact]
    public void According_to_at_the_end_of_a_sentence_attributes_what_comes_before()
    {
        var statement = Only("Exports rose 12 pct in January, according to the Commerce Department.");
        Assert.Equal(("Exports rose 12 pct in January", "Commerce Department", "according to"), (statement.Text, statement.Speaker, statement.Verb));
    }

    [Fact]
    public void An_appositive_before_said_leaves_the_statement_after_the_verb() =>
        Assert.Equal("profits would rise sharply in 1987",
            Only("John Smith, the chairman of Exxon Corp, said profits would rise sharply in 1987.").Text);

    [Fact]
    public void An_attribution_to_no_one_makes_no_statement() =>
        Assert.Empty(Statements("Analysts said the market would stay weak for weeks."));

    [Fact]
    public void A_verb_that_reports_nothing_makes_no_statement() =>
        Assert.Empty(Statements("Foreign Minister Eduard Shevardnadze asked whether the talks would go on."));

    [Fact]
    public void A_pronoun_is_resolved_to_the_speaker_named_before()
    {
        var statements = Statements("Treasury Secretary James Baker arrived in Paris on Sunday.", "He said the dollar's fall had gone far enough.");
        var statement = Assert.Single(statements);
        Assert.Equal((2, "James Baker"), (statement.Paragraph, statement.Speaker));
    }

    [Fact]
    public void A_listener_of_several_words_is_no_part_of_the_statement() =>
        Assert.Equal("sales are forecast at 3,500 billion yen",
            Only("Osamu Iemura, a senior vice president, told a news conference sales are forecast at 3,500 billion yen.").Text);

    [Fact]
    public void A_name_after_the_listener_begins_the_statement() =>
        Assert.Equal("Intel will make the chips in Japan",
            Only("Chairman Ryuzaburo Kaku told Reuters Intel will make the chips in Japan.").Text);

    [Fact]
    public void A_passive_reporting_verb_makes_no_statement() =>
        Assert.Empty(Statements("The Bank of Japan was reported in the market overnight to bolster the credibility of the Paris accord."));

    [Fact]
    public void A_verb_that_tells_of_an_act_makes_no_statement() =>
        Assert.Empty(Statements("Exxon Corp reported a loss of 15 mln dlrs for the first quarter of 1987."));

    [Fact]
    public void The_same_verb_before_that_makes_one() =>
        Assert.Equal("it would report a loss for the quarter", Only("Exxon Corp reported that it would report a loss for the quarter.").Text);

    [Fact]
    public void A_relative_that_does_not_begin_the_statement() =>
        Assert.Equal("the cooperative is concerned that imports might compete in Japan",
            Only("A representative of Sunkist said the cooperative is concerned that imports might compete in Japan.").Text);

    [Fact]
    public void A_tickers_period_ends_no_sentence() =>
        Assert.Equal("Sandvik AB <SVIK.ST> and Diamant Boart SA have completed preliminary negotiations on a joint venture",
            Only("Sandvik AB <SVIK.ST> and Diamant Boart SA have completed preliminary negotiations on a joint venture, Diamant Boart said in a statement.").Text);

    [Fact]
    public void That_after_a_listener_with_an_of_phrase_begins_the_statement() =>
        Assert.Equal("she had agreed with Ryzhkov to raise bilateral trade by 1990",
            Only("Margaret Thatcher told a meeting of Soviet and British businessmen that she had agreed with Ryzhkov to raise bilateral trade by 1990.").Text);

    [Fact]
    public void A_listener_with_a_possessive_is_no_part_of_the_statement() =>
        Assert.Equal("he also hoped for some concrete action on a federal level",
            Only("Governor Robert Heller told a financial analysts' meeting here that he also hoped for some concrete action on a federal level.").Text);

    [Fact]
    public void A_quotation_that_only_begins_the_reported_sentence_runs_to_its_end() =>
        Assert.Equal("\"Germany in particular and most European countries\" have supported more liberal repayment terms for Argentina's debt",
            Only("Economy Minister Juan Carlos Pugliese said that \"Germany in particular and most European countries\" have supported more liberal repayment terms for Argentina's debt.").Text);

    [Fact]
    public void A_description_between_commas_before_told_is_no_part_of_the_statement()
    {
        var statement = Only("A decision by Colombia to open coffee export registrations does not imply heavy selling, Gilberto Arango, president of the private exporters' association, told Reuters.");
        Assert.Equal(("A decision by Colombia to open coffee export registrations does not imply heavy selling", "Gilberto Arango"), (statement.Text, statement.Speaker));
    }

    [Fact]
    public void A_sentence_opening_with_asked_has_its_statement_after_the_verb() =>
        Assert.Equal("These charges have been made since the very beginning",
            Only("Asked to comment, Michael Samuels, U.S. ambassador to the GATT, told Reuters: \"These charges have been made since the very beginning.\"").Text);

    [Fact]
    public void A_party_and_state_after_a_name_is_not_the_speaker() =>
        Assert.Equal("Tom Harkin",
            Only("Sen. Tom Harkin, D-Iowa, sponsor of the bill, told Reuters he did not intend to offer his measure as a floor amendment.").Speaker);

    [Fact]
    public void A_described_name_opening_the_sentence_before_told_leaves_the_statement_after_the_listener() =>
        Assert.Equal("the talks, which began about six weeks ago, ended",
            Only("Robert Stevenson, K Mart vice president, told Reuters the talks, which began about six weeks ago, ended.").Text);

    [Fact]
    public void A_long_description_between_commas_before_told_is_no_part_of_the_statement() =>
        Assert.Equal("Trees with leaves hit by the fungus disease cannot be saved and must be felled",
            Only("Trees with leaves hit by the fungus disease cannot be saved and must be felled, Chee Kheng Hoy, Head of the Crop Protection and Microbiology Division in the Rubber Research Institute of Malaysia (RRIM), told Reuters.").Text);

    [Fact]
    public void A_lunch_is_a_listener() =>
        Assert.Equal("legislation is not going to happen before the election",
            Only("George Gould, Under Secretary of the Treasury, told a Wall Street Planning Group luncheon that legislation is not going to happen before the election.").Text);

    [Fact]
    public void A_capitalised_May_after_said_is_part_of_a_name_not_a_verb() =>
        Assert.Equal("It was an entry point, a port for semiconductors",
            Only("\"It was an entry point, a port for semiconductors,\" said Barclays de Zoete Wedd analyst Rick May.").Text);

    [Fact]
    public void Where_a_quotation_was_told_after_the_listener_is_no_statement()
    {
        var statement = Only("\"We have no reason not to ship it,\" Baldrige told reporters after a Senate Banking Committee hearing on export controls.");
        Assert.Equal("We have no reason not to ship it", statement.Text);
    }

    [Fact]
    public void Where_a_report_was_said_after_the_verb_is_no_statement()
    {
        var statement = Only("Total sales are expected to rise to 5,506 billion yen, NTT said in a business operations plan submitted to the ministry.");
        Assert.Equal("Total sales are expected to rise to 5,506 billion yen", statement.Text);
    }

    [Fact]
    public void An_attribution_inside_a_relative_clause_is_no_statement()
    {
        var statements = Statements(
            "Vittorio Cassoni said ATT would strengthen the 3B line within the next three or four months.",
            "In justifying the commitment, Cassoni pointed to several recent sales that he said proved the line's commercial viability.");
        Assert.DoesNotContain(statements, s => s.Paragraph == 2);
    }

    [Fact]
    public void A_quotation_after_a_participle_opening_and_said_is_the_statement() =>
        Assert.Equal("With its decision, the U.S. government recognised the honesty of Brazilian exporters, who never have the intention of practising dumping",
            Only("Speaking by telephone from Sao Paulo, Peres said, \"With its decision, the U.S. government recognised the honesty of Brazilian exporters, who never have the intention of practising dumping.\"").Text);

    [Fact]
    public void The_main_clause_after_an_attribution_set_off_mid_sentence_is_the_statement() =>
        Assert.Equal("it is reducing its commodity rate -- the portion of the total rate based on the price of gas -- to 2.58 dlrs per mln Btu from 2.69 dlrs per mln Btu",
            Only("In a filing with the Federal Energy Regulatory Commission, Trunkline said, it is reducing its commodity rate -- the portion of the total rate based on the price of gas -- to 2.58 dlrs per mln Btu from 2.69 dlrs per mln Btu.").Text);

    [Fact]
    public void Words_that_go_on_after_an_attribution_set_off_mid_sentence_are_not_taken_as_a_statement_of_their_own() =>
        Assert.DoesNotContain(Statements("The chip was designed, Texas Instruments said, for use with the Lisp langugage, which is used widely by software programmers in the artificial intelligence field."),
            s => s.Text.StartsWith("for use", StringComparison.Ordinal));

    [Fact]
    public void A_subject_interrupted_by_an_attribution_makes_no_statement_of_its_predicate() =>
        Assert.DoesNotContain(Statements(
                "Opec remains within its agreed output ceiling of 15.8 mln barrels a day, and had expected current fluctuations in the spot market of one or two dlrs, Indonesian Energy Minister Subroto said.",
                "Refiners, he said, appeared to have used up old stock deliberately to cause slack demand in the market and the price to fall."),
            s => s.Paragraph == 2);

    [Fact]
    public void A_listener_named_with_and_is_told_whole() =>
        Assert.Equal("it cut its stake in Purolator Courier Corp to 286,500 shares, or 3.7 pct of the total outstanding, from 962,400 shares, or 12.4 pct",
            Only("Unicorp Canada Corp told the Securities and Exchange Commission it cut its stake in Purolator Courier Corp to 286,500 shares, or 3.7 pct of the total outstanding, from 962,400 shares, or 12.4 pct.").Text);

    [Fact]
    public void A_that_a_verb_follows_is_part_of_what_was_said_not_its_start() =>
        Assert.Equal("he intended to offer legislation that would allow 1987 producers of wheat, feedgrains, cotton and rice to receive at least 92 pct of their deficiency payments, regardless of how much they planted",
            Only("Sen. Rudy Boschwitz, R-Minn., said he intended to offer legislation that would allow 1987 producers of wheat, feedgrains, cotton and rice to receive at least 92 pct of their deficiency payments, regardless of how much they planted.").Text);

    [Fact]
    public void When_it_was_said_right_after_the_verb_is_no_part_of_the_statement() =>
        Assert.Equal("the asset criteria are flexible",
            Only("But Financial Secretary Piers Jacobs said yesterday the asset criteria are flexible.").Text);

    [Fact]
    public void What_it_was_said_in_right_after_the_verb_is_no_part_of_the_statement() =>
        Assert.StartsWith("the central bank will intervene in foreign exchange markets",
            Only("Bank of Japan Governor Satoshi Sumita said in a statement the central bank will intervene in foreign exchange markets to stabilise exchange rates if necessary in close cooperation with other major industrial nations.").Text,
            StringComparison.Ordinal);

    [Fact]
    public void What_it_was_said_in_and_to_whom_before_that_is_no_part_of_the_statement() =>
        Assert.StartsWith("the country's economic growth will probably be about the same",
            Assert.Single(After("French Finance Minister Edouard Balladur said the franc was stable.",
                "Balladur said in an interview with the financial daily Les Echos that the country's economic growth will probably be about the same as last year due to a less favourable international environment.")).Text,
            StringComparison.Ordinal);

    [Fact]
    public void A_phrase_with_in_that_no_clause_follows_stays_in_the_statement() =>
        Assert.StartsWith("in the merger shareholders would get",
            Assert.Single(After("E.F. Hutton and Co said it had arranged the financing.",
                "Hutton said in the merger shareholders would get 46 mln dlrs aggregate amount of guaranteed debentures due 2002 of PC Acquisition.")).Text,
            StringComparison.Ordinal);

    [Fact]
    public void A_quotation_after_a_name_ending_in_an_abbreviation_begins_a_new_sentence()
    {
        var statements = Statements("\"Things just aren't adding up,\" said Steve Slifer of Lehman Goverment Securities Inc. \"Consumer spending, capital spending, goverment spending, and net exports data show very weak first quarter GNP growth of one pct,\" he said.");
        var first = Assert.Single(statements, s => s.Text == "Things just aren't adding up");
        Assert.Equal("Steve Slifer", first.Speaker);
        Assert.DoesNotContain(statements, s => s.Text.StartsWith("Steve Slifer", StringComparison.Ordinal));
    }

    [Fact]
    public void A_second_attribution_ending_the_sentence_ends_the_statement() =>
        Assert.Equal("it was not Callebaut's business to concern himself with the European Sugar capital raising operation under study",
            Assert.Single(After("Montedison chairman Raul Gardini said the group would keep its stake.",
                "Gardini said it was not Callebaut's business to concern himself with the European Sugar capital raising operation under study, he added.")).Text);

    [Fact]
    public void A_second_attribution_that_goes_on_with_what_was_said_stays_in_the_statement() =>
        Assert.Contains(After("President Reagan said he would speak to the nation on Wednesday.",
                "He said that a few months ago, he told the American people he did not trade arms for hostages in the 18-month covert operation."),
            s => s.Text == "a few months ago, he told the American people he did not trade arms for hostages in the 18-month covert operation");

    [Fact]
    public void A_second_attribution_set_off_after_which_stays_in_the_statement() =>
        Assert.Contains(After("It said the proposal also called for conversion of outstanding Novamin warrants into Breakwater common shares on the same basis.",
                "Novamin, a mineral exploration company, said directors would meet next Tuesday to deal with the proposal, which, it said, was subject to approval by Breakwater directors."),
            s => s.Text == "directors would meet next Tuesday to deal with the proposal, which, it said, was subject to approval by Breakwater directors");

    [Fact]
    public void A_participle_opening_not_listed_before_X_said_leaves_what_follows_as_the_statement() =>
        Assert.StartsWith("diversified services, which consists of insurance",
            Only("Breaking out operating earnings by divisions, ITT said diversified services, which consists of insurance, financial services, communications and hotels, saw the sharpest rise in operating income, to 454 mln dlrs, from 297 mln dlrs a year ago.").Text,
            StringComparison.Ordinal);

    [Fact]
    public void A_gerund_subject_before_an_attribution_ending_the_sentence_is_the_statement() =>
        Assert.Equal("Trading in Hayes common will cease at the close of business today",
            Assert.Single(Statements("Hayes-Albion Corp said its shareholders approved the merger with Harvard Industries Inc.",
                "Trading in Hayes common will cease at the close of business today, the company said."), s => s.Paragraph == 2).Text);

    [Fact]
    public void A_clause_after_an_opening_and_X_said_is_the_statement_not_the_opening() =>
        Assert.Equal("domestic car sales decreased 61 pct to 6,472 from 16,741 cars last year",
            Only("For the calendar year-to-date, American Motors said domestic car sales decreased 61 pct to 6,472 from 16,741 cars last year.").Text);

    [Fact]
    public void A_quotation_before_an_attribution_naming_whom_it_addressed_is_the_statement() =>
        Assert.Equal("Control spending, get the deficit down and oppose any tax increase",
            Assert.Single(After("Budget director James Miller said the deficit must fall.",
                "\"Control spending, get the deficit down and oppose any tax increase,\" Miller urged the Republicans.")).Text);

    [Fact]
    public void A_sentence_with_the_same_speakers_attribution_before_its_own_is_one_statement()
    {
        var statement = Assert.Single(Statements("Integrated Network Corp said the system is capable of enabling New England and New York telephone companies to provide certain circuit-switched data transmission, the company said."));
        Assert.StartsWith("the system is capable of enabling", statement.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Attributions_in_text_without_a_full_stop_give_statements_of_a_sentences_length_not_the_paragraphs()
    {
        // 2,000 attributions in 8,000 tokens that never end a sentence: each statement ran to the paragraph's end, so
        // their text grew with the square of its length (an 880 KB paragraph exhausted 23 GB of memory).
        var paragraph = string.Concat(Enumerable.Repeat("oil gas \"said Smith\" ", 2_000));

        var statements = Statements(paragraph);

        Assert.True(statements.Count > 1_000, $"{statements.Count} statements");
        var longest = statements.MaxBy(s => s.Text.Length)!;
        Assert.True(longest.Text.Length < 4_000, $"a statement of {longest.Text.Length} characters at {longest.Start}");
    }
}
