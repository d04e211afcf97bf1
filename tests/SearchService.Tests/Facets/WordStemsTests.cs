using Lucene.Net.Analysis.En;
using Lucene.Net.Util;
using SearchService.Core.Facets;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Facets;

/// <summary>Word-by-word stems, remembered, must be the stems Lucene's EnglishAnalyzer gives the whole text.</summary>
public class WordStemsTests
{
    private static List<string> Analysed(string text)
    {
        using var analyzer = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
        return AnalyzedTerms.Of(analyzer, text);
    }

    [Theory]
    [InlineData("The Bank of England said it had provided the money market with 185 mln stg of assistance.")]
    [InlineData("Moody's Investors Service Inc lowered the company's debt ratings, citing counter-terrorism costs.")]
    [InlineData("The U.S. dollar fell against the yen as dealers sold ahead of Japan's trade figures.")]
    [InlineData("Mazar-i-Sharif's governor said the talks were \"very useful\" for both sides.")]
    public void Stems_are_the_analysers_stems_of_the_whole_text(string text) =>
        Assert.Equal(Analysed(text), new WordStems().Of(text));

    [Fact]
    public void Capitalised_word_stems_as_its_lower_case_form()
    {
        var stems = new WordStems();
        Assert.Equal(stems.Of("banks raised rates"), stems.Of("Banks raised rates"));
    }
}
