using SearchService.Core.Corpus;
using SearchService.Core.Quotes;

namespace SearchService.Tests.Quotes;

/// <summary>Who a statement is given to: pronouns, names joined by "and", names after a firm, unnamed speakers.</summary>
public class StatementSpeakerTests
{
    private static IReadOnlyList<Statement> Statements(params string[] paragraphs) =>
        Facets.Facets.Extractor.Extract(new Article("test", "Test", paragraphs)).Statements!;

    private static IReadOnlyList<string> ParagraphSpeakers(int paragraph, params string[] paragraphs) =>
        Facets.Facets.Extractor.Extract(new Article("test", "Test", paragraphs)).Paragraphs[paragraph - 1].Speaker;

    [Fact]
    public void He_said_is_the_last_speaker_not_a_person_named_in_what_he_said()
    {
        var statements = Statements(
            "Agriculture Secretary Richard Lyng said the bill had the support of President Reagan.",
            "\"We expect the House to pass it this year,\" he said.");
        Assert.Equal("Richard Lyng", Assert.Single(statements, s => s.Paragraph == 2).Speaker);
    }

    [Fact]
    public void She_said_is_the_woman_named_before_not_a_man_named_since()
    {
        var statements = Statements(
            "Mrs Thatcher said Britain would not join the exchange rate mechanism this year.",
            "Chancellor of the Exchequer Nigel Lawson met City bankers on Monday.",
            "\"The pound is strong enough as it is,\" she said.");
        Assert.Equal("Thatcher", Assert.Single(statements, s => s.Paragraph == 3).Speaker);
    }

    [Fact]
    public void He_said_is_not_a_woman_named_since()
    {
        var statements = Statements(
            "Treasury Secretary James Baker said the dollar had fallen far enough.",
            "Mrs Carla Hills said the trade talks would resume in April.",
            "\"Japan must open its markets to American goods,\" he said.");
        Assert.Equal("James Baker", Assert.Single(statements, s => s.Paragraph == 3).Speaker);
    }

    [Fact]
    public void A_pronoun_with_its_verb_is_no_name_for_a_later_he_said()
    {
        var paragraphs = new[]
        {
            "Treasury Secretary James Baker said the dollar had fallen far enough.",
            "\"As I've said before, we see ourselves as engaged here in a real struggle to preserve free trade,\" he said.",
            "\"Exchange rates alone do not offer any solution,\" he said.",
        };
        Assert.DoesNotContain("I've", ParagraphSpeakers(2, paragraphs));
        Assert.Equal("James Baker", Assert.Single(Statements(paragraphs), s => s.Paragraph == 3).Speaker);
    }

    [Fact]
    public void A_body_named_with_and_after_an_official_of_is_the_whole_body()
    {
        var statement = Assert.Single(Statements(
            "The move was to allow greater access to Taiwan markets, an official of the Council for Economic Planning and Development told Reuters."));
        Assert.Equal("Council for Economic Planning and Development", statement.Speaker);
    }

    [Fact]
    public void He_said_after_an_unnamed_official_of_a_body_is_no_one()
    {
        var statements = Statements(
            "Trade Minister Lee Ta-hai visited Washington last week.",
            "The move was to allow greater access to Taiwan markets, an official of the Council for Economic Planning and Development told Reuters.",
            "Import curbs on about 400 foreign goods would soon be relaxed, he said.");
        Assert.DoesNotContain(statements, s => s.Paragraph == 3);
    }

    [Fact]
    public void Two_names_joined_by_and_are_one_firm()
    {
        var statement = Assert.Single(Statements(
            "Formation of the committee was announced last week when Harper and Row said its board had taken no action on two pending proposals."));
        Assert.Equal("Harper and Row", statement.Speaker);
    }

    [Fact]
    public void Two_people_joined_by_and_both_speak_and_neither_is_given_the_statement()
    {
        var paragraphs = new[]
        {
            "Treasury Secretary James Baker and Federal Reserve Chairman Paul Volcker met in Washington on Monday.",
            "Baker and Volcker said the dollar had fallen far enough against the yen.",
        };
        Assert.DoesNotContain(Statements(paragraphs), s => s.Paragraph == 2);
        Assert.Equal(["James Baker", "Paul Volcker"], ParagraphSpeakers(2, paragraphs).Order().ToList());
    }

    [Fact]
    public void A_firms_analyst_named_after_said_is_the_speaker()
    {
        var statement = Assert.Single(Statements(
            "\"Last time there was a tremendous amount of stock sold,\" said Donaldson, Lufkin and Jenrette Inc analyst William Marcus."));
        Assert.Equal("William Marcus", statement.Speaker);
    }

    [Fact]
    public void A_firms_chairman_named_after_said_is_the_speaker_not_the_firm()
    {
        var statement = Assert.Single(Statements(
            "\"Domestic sales were led by better than average increases in apparel, home fashions and hardware and especially strong catalog sales,\" said Sears chairman Edward Brennan."));
        Assert.Equal("Edward Brennan", statement.Speaker);
    }

    [Fact]
    public void Congressional_sources_are_no_one_the_facet_can_name() =>
        Assert.Empty(Statements(
            "A House Agriculture Committee meeting later today is expected to spark a debate over the provision, Congressional sources said."));

    [Fact]
    public void He_said_after_an_unnamed_person_described_by_a_relative_clause_is_not_the_last_name()
    {
        var statements = Statements(
            "\"That sounds like a reasonable strategy. But there is no way they can trade their way out of this situation,\" Aldo Roldan, Vice President for International Services at Chase Econometrics, said.",
            "The dealer, who declined to be named, said Brazil wanted to preserve its market share. At the end of the talks, he said Brazil hinted it could sell more than anyone else and others would suffer.");
        Assert.DoesNotContain(statements, s => s.Paragraph == 2 && s.Speaker == "Aldo Roldan");
    }
}
