using SearchService.Core.Indexing;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Indexing;

public class SuggestionTermsAnalyzerTests
{
    private static List<string> Terms(bool pairs, string text)
    {
        using var analyzer = new SuggestionTermsAnalyzer(pairs);
        return AnalyzedTerms.Of(analyzer, text);
    }

    [Fact]
    public void Words_are_lower_cased_and_kept_as_written()
    {
        Assert.Equal(["foreign", "ministry", "said", "countries", "disagreed"], Terms(pairs: false, "The Foreign Ministry said countries disagreed."));
    }

    [Fact]
    public void Stop_words_short_words_and_numbers_are_not_words_to_offer()
    {
        Assert.Equal(["output", "rose", "pct"], Terms(pairs: false, "Output rose 5.2 pct in the UK"));
    }

    [Fact]
    public void Pairs_are_of_adjacent_words()
    {
        Assert.Equal(["oil prices", "prices rose", "rose sharply"], Terms(pairs: true, "Oil prices rose sharply."));
    }

    [Fact]
    public void No_pair_spans_a_stop_word()
    {
        Assert.Equal(["deputy minister", "foreign affairs"], Terms(pairs: true, "Deputy Minister of Foreign Affairs"));
    }

    [Fact]
    public void Two_letter_words_pair_but_numbers_do_not()
    {
        Assert.Equal(["un envoy", "envoy arrived"], Terms(pairs: true, "UN envoy arrived 12 March"));
    }

    [Fact]
    public void No_pair_joins_the_last_word_of_one_value_to_the_first_of_the_next()
    {
        using var analyzer = new SuggestionTermsAnalyzer(pairs: true);
        var terms = new[] { "Oil prices", "Markets steady" }.SelectMany(text => AnalyzedTerms.Of(analyzer, text));
        Assert.Equal(["oil prices", "markets steady"], terms);
    }
}
