namespace SearchService.Tests.Facets;

public class SpeakerExtractorTests
{
    private static IReadOnlyList<IReadOnlyList<string>> Speakers(params string[] paragraphs) => Facets.Speakers.Extract(paragraphs);

    private static IReadOnlyList<string> Speakers(string paragraph) => Speakers([paragraph])[0];

    [Fact]
    public void Title_and_country_are_stripped_from_a_name() =>
        Assert.Equal(["Oleg V Syromolotov"], Speakers("The talks were led by Deputy Minister of Foreign Affairs of Russia Oleg V Syromolotov."));

    [Fact]
    public void Title_with_ministry_is_stripped_from_a_name() =>
        Assert.Equal(["Nabeel Munir"], Speakers("The session was chaired by Additional Secretary Ministry of Foreign Affairs of Pakistan Nabeel Munir."));

    [Fact]
    public void Co_chairs_are_both_speakers() =>
        Assert.Equal(["Sergei Lavrov", "Shah Mahmood Qureshi"],
            Speakers("The meeting was co-chaired by Foreign Minister Sergei Lavrov and Foreign Minister Shah Mahmood Qureshi."));

    [Fact]
    public void Title_word_that_ends_a_name_stays_in_it() =>
        Assert.Equal(["John Major"], Speakers("Prime Minister John Major said the talks would continue."));

    [Fact]
    public void Initial_with_a_period_gives_the_same_name() =>
        Assert.Equal(["Oleg V Syromolotov"], Speakers("The talks were led by Deputy Foreign Minister Oleg V. Syromolotov."));

    [Fact]
    public void Titled_subject_before_said_is_the_speaker_without_the_title() =>
        Assert.Equal(["James Baker"], Speakers("Treasury Secretary James Baker said the dollar had fallen far enough."));

    [Fact]
    public void Administrator_is_an_office_and_no_part_of_the_name() =>
        Assert.Equal(["Dennis McAuliffe"], Speakers("Panama Canal toll charges will not rise in the year to end-September 1988, despite last October's landslide which dumped 0.5 mln cubic yards of debris into the waterway, Canal Commission Administrator Dennis McAuliffe said."));

    [Fact]
    public void Investor_before_a_name_describes_the_speaker_and_is_not_part_of_the_name() =>
        Assert.Equal(["Martin Sosnoff"], Speakers("Investor Martin Sosnoff said in a statement that he was disappointed in Caesars World Inc's response to his 28 dlrs a share offer to buy the company."));

    [Fact]
    public void Name_after_a_quotation_and_said_is_the_speaker() =>
        Assert.Equal(["Paul Volcker"], Speakers("\"Rates will stay where they are,\" said Federal Reserve Chairman Paul Volcker."));

    [Fact]
    public void Speaker_named_after_their_firm_is_the_person() =>
        Assert.Equal(["Bannon"], Speakers("\"The Fed couldn't have waited until the start of the new statement period today,\" added Security Pacific's Bannon."));

    [Fact]
    public void Owner_after_said_begins_what_was_said() =>
        Assert.Equal(["Labatt"], Speakers(
            "The debentures were sold to underwriters by Labatt on Friday.",
            "Labatt, 38 pct-owned by Brascan Ltd, said Brascan's 49 pct-owned Great Lakes Group Inc agreed to acquire the debentures.")[1]);

    [Fact]
    public void Name_after_a_paraphrase_and_said_is_the_speaker() =>
        Assert.Equal(["Karl Otto Poehl"], Speakers("West German growth will pick up later this year, said Bundesbank President Karl Otto Poehl."));

    [Fact]
    public void Name_ending_in_an_organisation_word_is_a_body() =>
        Assert.Equal(["Finance Ministry"], Speakers("The Finance Ministry said the budget deficit would narrow."));

    [Fact]
    public void According_to_a_statement_of_a_body_is_that_body() =>
        Assert.Equal(["Foreign Office"], Speakers("The accord was reached in Moscow, according to a statement of the Foreign Office."));

    [Fact]
    public void Organisation_spokesman_speaks_for_the_organisation() =>
        Assert.Equal(["Bank of England"], Speakers("A Bank of England spokesman said the market was orderly."));

    [Fact]
    public void It_added_resolves_to_the_last_body() =>
        Assert.Equal(["Foreign Office"], Speakers("The talks ended, the Foreign Office said.", "Both sides agreed to meet again, it added.")[1]);

    [Fact]
    public void The_company_said_resolves_to_the_last_body() =>
        Assert.Equal(["General Motors Corp"], Speakers(
            "General Motors Corp said car sales for February 21 through 28 were off 8.6 pct.",
            "The company said truck sales for the period were up 10.9 pct to 42,593 from 38,402 a year before.")[1]);

    [Fact]
    public void The_company_said_after_the_sentence_resolves_to_the_last_body() =>
        Assert.Equal(["RJR Nabisco Inc"], Speakers(
            "RJR Nabisco Inc said it nominated J. Paul Sticht to become chairman of the board.",
            "Sticht's appointment will be voted on by the board at its regular meeting on April 22, the company said.")[1]);

    [Fact]
    public void The_department_said_resolves_to_the_last_department() =>
        Assert.Equal(["Commerce Department"], Speakers(
            "The Commerce Department said personal income rose 0.9 pct in February.",
            "Exxon Corp said it raised crude oil postings.",
            "Non-defense capital goods orders fell 1.6 pct in February, the department said.")[2]);

    [Fact]
    public void The_bank_said_with_no_bank_quoted_is_no_one() =>
        Assert.Empty(Speakers(
            "Exxon Corp said it raised crude oil postings.",
            "The bank said the loan would be repaid in May.")[1]);

    [Fact]
    public void A_company_said_is_no_one_in_particular() =>
        Assert.Empty(Speakers(
            "General Motors Corp said car sales were off 8.6 pct.",
            "One company said prices would hold.")[1]);

    [Fact]
    public void He_after_an_unnamed_spokesman_is_not_the_last_person_named() =>
        Assert.Equal(["U.S. Sprint"], Speakers(
            "Treasury Secretary James Baker said the talks were useful.",
            "\"Someone should establish a reasonable rate of return,\" a U.S. Sprint spokesman said. But he added the company was not opposed to greater competition.")[1]);

    [Fact]
    public void He_after_an_unnamed_dealer_is_no_one() =>
        Assert.Empty(Speakers(
            "Treasury Secretary James Baker said the talks were useful.",
            "\"Belonging to IPMA carries prestige with borrowers,\" said a dealer at a small foreign bank. \"Borrowers can travel first class,\" he said.")[1]);

    [Fact]
    public void It_further_stated_resolves_to_the_last_body() =>
        Assert.Equal(["Foreign Office"], Speakers("The talks ended, the Foreign Office said.", "It further stated that the sides would meet again.")[1]);

    [Fact]
    public void The_statement_noted_resolves_to_its_issuer() =>
        Assert.Equal(["Foreign Office"], Speakers(
            "The talks ended, according to a statement of the Foreign Office.",
            "\"Both sides renewed their commitment,\" the statement noted.")[1]);

    [Fact]
    public void Said_the_statement_resolves_to_its_issuer() =>
        Assert.Equal(["Foreign Office"], Speakers(
            "The talks ended, according to a statement of the Foreign Office.",
            "\"Both sides renewed their commitment,\" said the statement.")[1]);

    [Fact]
    public void He_resolves_to_the_last_person() =>
        Assert.Equal(["Nabeel Munir"], Speakers(
            "The delegation was led by Additional Secretary Nabeel Munir.",
            "He said the talks had been useful.")[1]);

    [Fact]
    public void It_resolves_to_the_last_body_not_a_person_named_since() =>
        Assert.Equal(["Exxon Corp"], Speakers(
            "Exxon Corp said its chairman, Lee Raymond, would retire.",
            "It added that a successor would be named in May.")[1]);

    [Fact]
    public void A_decimal_point_ends_no_sentence_so_an_underwriter_after_it_stays_named_in_passing() =>
        Assert.Equal(["Antonovich Inc"], Speakers(
            "Antonovich Inc said an initial offering of 750,000 Class A common shares is under way at 9.625 dlrs each through underwriters led by Evans and Co Inc.",
            "It said it is selling 500,000 shares and shareholders the rest.")[1]);

    [Fact]
    public void Surname_resolves_to_the_full_name_mentioned_earlier() =>
        Assert.Equal(["Nabeel Munir"], Speakers(
            "The delegation was led by Additional Secretary Nabeel Munir.",
            "Munir said the talks had been useful.")[1]);

    [Fact]
    public void Pronoun_with_nothing_to_refer_to_gives_no_speaker() =>
        Assert.Empty(Speakers("It added that the talks would continue."));

    [Fact]
    public void Bare_title_is_no_speaker() =>
        Assert.Empty(Speakers("The Foreign Minister said the talks would continue."));

    [Fact]
    public void Country_is_no_speaker() =>
        Assert.Empty(Speakers("Pakistan said the talks would continue."));

    [Fact]
    public void Plain_word_opening_a_sentence_is_no_speaker() =>
        Assert.Empty(Speakers("Analysts said the talks would continue."));

    [Fact]
    public void Name_after_a_preposition_is_not_the_speaker() =>
        Assert.Empty(Speakers("Economists polled by Reuters said money supply would rise."));

    [Fact]
    public void Person_who_meets_another_and_the_one_met_both_act() =>
        Assert.Equal(["Sergei Lavrov", "Shah Mahmood Qureshi"], Speakers("Foreign Minister Sergei Lavrov met Shah Mahmood Qureshi in Moscow."));

    [Fact]
    public void Paragraph_without_attribution_has_no_speaker() =>
        Assert.Empty(Speakers("The next meeting of the Working Group will be held in 2022."));

    [Fact]
    public void A_person_of_a_firm_named_without_an_organisation_word_is_the_person() =>
        Assert.Equal(["Martin Bachem"], Speakers("Martin Bachem of Morgan Guaranty said his bank's issue was competitive despite its relatively high premium."));

    [Fact]
    public void A_surname_of_a_firm_is_the_full_name_the_article_gave() =>
        Assert.Equal(["Steven Eisenberg"], Speakers(
            "Analyst Steven Eisenberg said fitness clubs had grown tremendously.",
            "\"The question is whether it is a fad or a permanent part of our lifestyle,\" said Eisenberg of Bear Stearns.")[1]);

    [Fact]
    public void An_office_holder_of_a_state_is_the_person() =>
        Assert.Equal(["Robert Orr"], Speakers("Governor Robert Orr of Indiana said the state would offer the steel plant tax incentives."));

    [Fact]
    public void A_company_of_a_country_stays_a_company() =>
        Assert.Equal(["Volkswagen of America"], Speakers("Volkswagen of America said it would recall 20,000 cars."));

    [Fact]
    public void A_party_and_state_between_commas_leave_the_name_before_them_the_speaker() =>
        Assert.Equal(["Chris Dodd"], Speakers("Sen. Chris Dodd, D-Conn, a co-sponsor of the bill, said many banks do not disclose the terms of their cards."));

    [Fact]
    public void A_name_after_said_and_a_lower_case_description_is_the_speaker() =>
        Assert.Equal(["Edouard Cointreau"], Speakers("\"It is a question of survival after London's Big Bang,\" said private market analyst Edouard Cointreau."));

    [Fact]
    public void He_after_a_speaker_with_a_long_description_is_that_speaker() =>
        Assert.Equal(["Edouard Cointreau"], Speakers(
            "\"It is a question of survival,\" said private market analyst Edouard Cointreau.",
            "Finance Minister Edouard Balladur said the reform will allow banks to buy stakes in stockbrokers.",
            "Cointreau, founder and chairman of the private market analysis company Centre d'Observation et de Prospective Sociales (COPS), said the reform was a natural development.",
            "\"The brokers know it's a good time to sell part of their business,\" he told Reuters.")[3]);

    [Fact]
    public void Surname_resolves_to_the_one_person_the_article_named_in_full_only_in_passing() =>
        Assert.Equal(["John Howard"], Speakers(
            "Australian opposition leader John Howard dropped Andrew Peacock from the shadow cabinet, party officials said.",
            "In a statement Howard said the recorded conversation had damaged the party.")[1]);

    [Fact]
    public void Surname_of_two_people_the_article_named_in_passing_stays_a_surname() =>
        Assert.Equal(["Howard"], Speakers(
            "The poll gave the party of John Howard a lead over the party of Michael Howard, officials said.",
            "In a statement Howard said the talks had gone well.")[1]);

    [Fact]
    public void Particle_inside_the_surname_of_a_person_named_with_an_office_stays_in_the_name() =>
        Assert.Equal(["Gerard van Schaik"], Speakers("Vice Chairman Gerard van Schaik said the ruling offered Heineken interesting possibilities."));

    [Fact]
    public void Particle_between_names_without_an_office_is_no_part_of_a_person_name() =>
        Assert.Equal(["Banco de Santander"], Speakers("Banco de Santander said its profits rose."));

    [Fact]
    public void Initial_written_against_the_next_name_is_parted_from_it() =>
        Assert.Equal(["H Onno Ruding"], Speakers("Shifts in economic policy are the key to reducing imbalances, Dutch Finance Minister H.Onno Ruding said."));

    [Fact]
    public void It_is_not_a_body_named_in_passing_inside_another_bodys_statement() =>
        Assert.DoesNotContain("Merrill Lynch and Co Inc", Speakers(
            "New Jersey Resources corp said it has filed for an offering of 1,300,000 common shares through underwriters led by Merrill Lynch and Co Inc <MER> and E.F. Hutton Group Inc <EFH>.",
            "It said the offering is expected to be completed in late March or early April and proceeds will be used to reduce short-term debt.")[1]);

    [Fact]
    public void Document_issued_by_a_body_is_that_bodys_statement() =>
        Assert.Equal(["PMDB"], Speakers(
            "\"The road to dignity has no return,\" said a document issued by the PMDB.",
            "The party said the government's decision also had the support of all sectors of society, including the governors of 22 Brazilian states.",
            "The statement said Brazil had two ways to take: \"A return, by way of submission to manoeuvres and outside pressure... Or the way which leads the country to its independence.\"")[2]);

    [Fact]
    public void He_is_not_a_name_inside_a_statement_attributed_after_it() =>
        Assert.Empty(Speakers(
            "Texaco Refining and Marketing, an operating subsidiary of Texaco Inc, said it would cease to post crude oil prices for West Texas crudes at the end of this month following a decision to discontinue purchase of crude oil from leases, a Texaco spokesman in Houston said.",
            "But it will continue to purchase quantities of U.S. and foreign crude oil for use in its refinery system, he added.")[1]);

    [Fact]
    public void He_may_be_who_opens_a_statement_attributed_after_it() =>
        Assert.Equal(["Deng Xiaoping"], Speakers(
            "China's top leader Deng Xiaoping said China must not import more than 10 mln tonnes of grain, Ming Pao newspaper of Hong Kong said.",
            "\"We should in our overall economic planning put agriculture in its proper place to reach our target of 480 mln tonnes by the year 2000,\" he said.")[1]);

    [Fact]
    public void He_may_be_the_office_holder_whose_act_a_statement_reports() =>
        Assert.Equal(["Caspar Weinberger"], Speakers(
            "Defense Secretary Caspar Weinberger ordered an increase in cost-of-living allowances for many U.S. military personnel abroad because of the decreased value of the dollar against foreign currencies, the Pentagon said.",
            "He said in a statement to the military that the cost-of-living increases \"will help keep your overseas purchasing power close to your stateside counterparts.\"")[1]);
}
