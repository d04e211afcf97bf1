using SearchService.Core.Facets;

namespace SearchService.Tests.Facets;

/// <summary>The hand-written tokenizer splits text exactly as its grammar (the regular expression) says, and sentences start where a reader sees them start.</summary>
public class TextTokensTests
{
    [Theory]
    [InlineData("The U.S. and U.K. agreed, Pakistan's Foreign Office said.")]
    [InlineData("Mazar-i-Sharif and N'Djamena are cities; O'Brien's firm isn't 'big'.")]
    [InlineData("Shr 23 cts vs 28 cts, revs 64.5 mln -- up 1/2 pct (est.)")]
    [InlineData("“Russia and Pakistan acknowledged,” said the statement. ½ and Ⅻ are numbers too.")]
    [InlineData("A.B and A. B. and e.g. and U.S.A. and JAMES'S and co-chaired  \t by")]
    public void Hand_scan_agrees_with_the_grammar(string text) =>
        Assert.Equal(
            TextTokens.TokenPattern().Matches(text).Select(m => (m.Value, m.Index)),
            TextTokens.Tokenize(text).Select(t => (t.Text, t.Start)));

    [Fact]
    public void Possessive_is_split_off() =>
        Assert.Equal(["Pakistan", "'", "s", "view"], TextTokens.Tokenize("Pakistan's view").Select(t => t.Text));

    [Fact]
    public void A_decimal_point_ends_no_sentence()
    {
        var tokens = TextTokens.Tokenize("shares at 9.625 dlrs each. Evans said");
        Assert.False(TextTokens.IsSentenceStart(tokens, 4));
        Assert.True(TextTokens.IsSentenceStart(tokens, 8));
    }
}
