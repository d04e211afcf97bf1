using SearchService.Core.Corpus;
using SearchService.Core.Facets;

namespace SearchService.Tests.Facets;

/// <summary>One identity per speaker across articles: name variants go to one canonical value, bodies sharing a name stay apart.</summary>
public class SpeakerIdentitiesTests
{
    private readonly SpeakerIdentities identities = new(Facets.Extractor.SpeakerLexicon);
    private readonly NewsFacetExtractor extractor;
    private int articles;

    public SpeakerIdentitiesTests() => extractor = Facets.Extractor.WithSpeakerIdentities(identities);

    private ArticleFacets Extract(params string[] paragraphs) =>
        extractor.Extract(new Article($"article-{++articles}", "Washington news", paragraphs));

    private IReadOnlyList<string> Speakers(params string[] paragraphs) => Extract(paragraphs).Article.Speaker;

    [Fact]
    public void Surname_alone_in_a_later_article_is_the_person_named_in_full_before()
    {
        Speakers("Federal Reserve Board Chairman Paul Volcker said the dollar had fallen enough.");
        Speakers("Federal Reserve Board Chairman Paul Volcker said banks were sound.");
        Assert.Equal(["Paul Volcker"], Speakers("The Fed would not let interest rates rise, Volcker said."));
    }

    [Fact]
    public void Office_holder_named_by_surname_is_the_person_holding_that_office()
    {
        Speakers("The President would veto the bill, Howard Baker said.");
        Speakers("The President would sign the order, Howard Baker said.");
        Speakers("The President would meet the leaders, Howard Baker said.");
        Speakers("Treasury Secretary James Baker said the dollar had fallen enough.");
        Speakers("Treasury Secretary James Baker said the talks would go on.");
        Assert.Equal(["James Baker"], Speakers("Treasury Secretary Baker said the dollar was stable."));
    }

    [Fact]
    public void Surname_shared_by_two_people_alike_stays_apart()
    {
        Speakers("The plant would close, Larry Baker said.");
        Speakers("The plant would reopen, Larry Baker said.");
        Speakers("The President would veto the bill, Howard Baker said.");
        Speakers("The President would sign the order, Howard Baker said.");
        Assert.Equal(["Baker"], Speakers("The talks would go on, Baker said."));
    }

    [Fact]
    public void Full_name_after_an_office_the_extractor_kept_is_the_person()
    {
        Speakers("Nigel Lawson said sterling was stable.");
        var facets = Extract("Chancellor of the Exchequer Nigel Lawson said the budget would cut taxes.");
        Assert.Equal(["Nigel Lawson"], facets.Article.Speaker);
        Assert.Contains("Chancellor of the Exchequer", facets.Speakers!["Nigel Lawson"].Roles);
    }

    [Fact]
    public void Office_is_kept_as_the_role()
    {
        var facets = Extract("U.S. Treasury Secretary James Baker said the dollar had fallen enough.");
        Assert.Equal(new SpeakerIdentity("James Baker", SpeakerKind.Person, ["U.S. Treasury Secretary"]), facets.Speakers!["James Baker"],
            new IdentityComparer());
    }

    [Fact]
    public void Affiliation_is_the_role_not_part_of_the_name()
    {
        var facets = Extract("\"OPEC will hold the line,\" said Bijan Moussavar-Rahmani of Harvard University's Energy and Environment Policy Center.");
        Assert.Equal(["Bijan Moussavar-Rahmani"], facets.Article.Speaker);
        Assert.Equal(["Harvard University's Energy and Environment Policy Center"], facets.Speakers!["Bijan Moussavar-Rahmani"].Roles);
    }

    [Fact]
    public void Company_sharing_a_surname_with_a_person_stays_apart()
    {
        Speakers("Former President Gerald Ford said the tax bill was wrong.");
        Speakers("Ford Motor Co said it would raise car prices.");
        Speakers("Ford Motor Co said sales rose.");
        Speakers("Ford Motor Co said it would build a plant.");
        Assert.Equal(["Ford"], Speakers("Car sales fell 12 pct in March, Ford said."));
        Assert.Equal(SpeakerKind.Organisation, identities.Find("Ford")!.Kind);
    }

    [Fact]
    public void Body_named_by_its_first_word_is_not_the_person_of_that_surname()
    {
        Speakers("Robert Salomon said the bonds were cheap.");
        Speakers("Robert Salomon said prices would rise.");
        Speakers("Salomon Brothers Inc said it had cut its forecast.");
        Speakers("Salomon Brothers Inc said it would lead the issue.");
        Speakers("Salomon Brothers Inc said it sold the notes.");
        Speakers("Salomon Brothers Inc said trading was thin.");
        Speakers("Salomon Brothers Inc said it expects lower rates.");
        Speakers("Salomon Brothers Inc said it had hired two traders.");
        Speakers("Salomon Brothers Inc said the market was quiet.");
        Assert.Equal(["Salomon"], Speakers("The offering would be underwritten, Salomon said."));
    }

    [Fact]
    public void Courtesy_title_no_candidate_holds_keeps_the_surname_apart()
    {
        Speakers("President Ronald Reagan said he would veto the bill.");
        Assert.Equal(["Reagan"], Speakers("Mrs Reagan said she would visit the hospital."));
    }

    [Fact]
    public void Courtesy_title_of_a_man_is_no_office_that_keeps_him_from_the_office_holder()
    {
        Speakers("Fed Chairman Paul Volcker told a Congressional committee that the Fed's policy has been unchanged.");
        Speakers("Federal Reserve Board Chairman Paul Volcker said banks were sound.");
        Assert.Equal(["Paul Volcker"], Speakers("Mr Volcker said that nothing had changed."));
    }

    [Fact]
    public void Name_written_family_name_first_is_the_person_the_article_names()
    {
        Speakers("Chinese Premier Zhao Ziyang said China would open more ports.");
        Assert.Equal(["Zhao Ziyang"], Speakers("Chinese Premier Zhao Ziyang met the delegation.", "Reforms would continue, Zhao said."));
    }

    [Fact]
    public void First_name_alone_is_not_a_person_of_another_article()
    {
        Speakers("Senate Finance Committee Chairman Lloyd Bentsen said the bill would pass.");
        Speakers("Senate Finance Committee Chairman Lloyd Bentsen said taxes would not rise.");
        Assert.Equal(["Lloyd"], Speakers("Vulcan Corp's results will show a loss, Chairman Lloyd told the annual meeting."));
    }

    [Fact]
    public void Surname_in_an_article_naming_another_person_of_it_is_not_the_one_quoted_elsewhere()
    {
        Speakers("Corporate Affairs Minister Michael Howard said Japan must open its markets.");
        Speakers("Corporate Affairs Minister Michael Howard said Britain would act.");
        Assert.Equal(["John Howard"], Speakers(
            "Australian opposition leader John Howard dropped Andrew Peacock from the shadow cabinet.",
            "In a statement Howard said the recorded conversation had damaged the party."));
    }

    [Fact]
    public void Surname_resolved_within_an_article_from_a_name_in_passing_is_no_evidence_for_other_articles()
    {
        Speakers("Michael Krupp, a Colorado businessman, has bought 5.3 pct of Radiation Systems Inc.",
            "Krupp said he bought the shares for investment.",
            "Krupp said he may buy more shares.");
        Assert.Equal(["Krupp"], Speakers("The cuts in its steel work force were needed, Krupp said."));
    }

    [Fact]
    public void Surname_is_not_the_only_person_seen_with_it_when_the_article_names_another_by_it()
    {
        Speakers("Analyst Daniel Lee said the shares were cheap.");
        Speakers("Analyst Daniel Lee said the bank would gain.");
        Assert.Equal(["Lee Hsien Loong"], Speakers(
            "Trade and Industry Minister Lee Hsien Loong said Singapore would cut business costs.",
            "Lee said the economy would grow three pct this year."));
    }

    [Fact]
    public void Bare_name_of_a_body_the_article_names_is_not_a_person_of_another_article()
    {
        Speakers("Analyst David Stanley said the shares were cheap.");
        Speakers("Analyst David Stanley said the bank would gain.");
        Speakers("Analyst David Stanley said rates would fall.");
        Assert.DoesNotContain("David Stanley", Speakers(
            "Stanley Interiors Corp said it filed with the Securities and Exchange Commission for an offering of 1,500,000 shares.",
            "Proceeds will be used to repay the company's debt under a revolving credit agreement and to reduce other bank debt, Stanley said."));
    }

    [Fact]
    public void Full_name_that_begins_a_body_name_is_not_the_bearer_of_its_last_word()
    {
        Speakers("Merrill Lynch and Co Inc said it would open an office in Tokyo.");
        Speakers("The dollar would fall further, Merrill Lynch said.");
        Speakers("Bond yields would rise, Merrill Lynch said.");
        Assert.Equal(["Lynch"], Speakers("The inquiry into insider trading would widen, Lynch said."));
    }

    [Fact]
    public void Surname_of_several_people_is_not_the_most_quoted_one()
    {
        for (var i = 0; i < 12; i++)
            Speakers($"The Fed would act if needed, Manuel Johnson said in speech {i}.");
        Speakers("Sales would rise, Dana Johnson said.");
        Speakers("Sales would fall, Dana Johnson said.");
        Assert.Equal(["Johnson"], Speakers("The program is no windfall to the trade, Johnson said."));
    }

    [Fact]
    public void Filter_on_a_variant_finds_the_canonical_value()
    {
        Speakers("Federal Reserve Board Chairman Paul Volcker said the dollar had fallen enough.");
        Speakers("Federal Reserve Board Chairman Paul Volcker said banks were sound.");
        Speakers("The Fed would not let interest rates rise, Volcker said.");
        Assert.Equal(["Paul Volcker", "Volcker"], identities.FilterValues("Volcker").Order());
        Assert.Equal(["Paul Volcker", "Volcker"], identities.FilterValues("Paul Volcker").Order());
    }

    [Fact]
    public void Variant_seen_before_the_full_name_is_found_by_a_filter_on_it()
    {
        Assert.Equal(["Volcker"], Speakers("Fed Chairman Volcker said the dollar had fallen enough."));
        Speakers("Fed Chairman Paul Volcker said the Fed would not let interest rates rise.");
        Speakers("Fed Chairman Paul Volcker said banks were sound.");
        Speakers("Fed Chairman Volcker said rates would hold.");
        Assert.Contains("Volcker", identities.FilterValues("Paul Volcker"));
    }

    [Fact]
    public void Saved_table_resolves_in_a_new_pass_what_the_first_learnt()
    {
        Speakers("Federal Reserve Board Chairman Paul Volcker said the dollar had fallen enough.");
        Speakers("Federal Reserve Board Chairman Paul Volcker said banks were sound.");
        using var saved = new MemoryStream();
        identities.Save(saved);
        saved.Position = 0;
        var next = Facets.Extractor.WithSpeakerIdentities(SpeakerIdentities.Load(saved, Facets.Extractor.SpeakerLexicon));
        Assert.Equal(["Paul Volcker"], next.Extract(new Article("later", "Fed", ["Rates would hold, Volcker said."])).Article.Speaker);
    }

    [Fact]
    public void Article_seen_again_is_not_counted_twice()
    {
        // One mention of "Mines Subroto" is too little to take "Subroto" to it; passing the same article again adds nothing.
        var article = new Article("misread", "Oil", ["Minister of Mines Subroto said OPEC would hold prices."]);
        extractor.Extract(article);
        extractor.Extract(article);
        Speakers("Minister Subroto said the market was stable.");
        Assert.Equal(["Subroto"], Speakers("Output would stay within the quota, Subroto said."));
    }

    private sealed class IdentityComparer : IEqualityComparer<SpeakerIdentity>
    {
        public bool Equals(SpeakerIdentity? x, SpeakerIdentity? y) =>
            x is not null && y is not null && x.Name == y.Name && x.Kind == y.Kind && x.Roles.SequenceEqual(y.Roles);

        public int GetHashCode(SpeakerIdentity obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }

    [Fact]
    public void A_corpus_learnt_whole_first_resolves_the_same_in_either_order()
    {
        var corpus = new[]
        {
            new Article("short", "Budget", ["The budget would cut the basic rate of income tax, Lawson said."]),
            new Article("full-1", "Budget", ["Chancellor of the Exchequer Nigel Lawson said sterling was stable."]),
            new Article("full-2", "Budget", ["Chancellor of the Exchequer Nigel Lawson said inflation would fall."]),
        };
        IReadOnlyList<string> SpeakersInOrder(IEnumerable<Article> order)
        {
            var table = Facets.Extractor.WithSpeakerIdentities(new SpeakerIdentities(Facets.Extractor.SpeakerLexicon));
            foreach (var article in corpus)
                table.LearnSpeakers(article);
            return order.Select(a => (a.Id, Speakers: table.Extract(a).Article.Speaker)).OrderBy(r => r.Id, StringComparer.Ordinal)
                .SelectMany(r => r.Speakers).ToList();
        }
        var forward = SpeakersInOrder(corpus);
        Assert.Equal(forward, SpeakersInOrder(corpus.Reverse()));
        Assert.Equal(["Nigel Lawson", "Nigel Lawson", "Nigel Lawson"], forward);
    }
}
