using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Searching;

/// <summary>The forgiving query language, run against a real index of four short paragraphs.</summary>
public sealed class UserQueryParserTests : IDisposable
{
    private readonly TestIndex index = new TestIndex()
        .Add(new Article("a", "Talks", ["Pakistan and Russia agreed to broaden cooperation against terrorism."]))
        .Add(new Article("b", "Finance", ["Both sides discussed countering the financing of terrorism in Afghanistan."]))
        .Add(new Article("c", "Markets", ["Cocoa prices rose in Bahia as the drought ended."]))
        .Add(new Article("d", "Oil", ["Saudi Arabia said OPEC output would stay at current levels."]));

    private IEnumerable<string> Matches(string q) =>
        new ParagraphSearcher(index.Index).Search(new SearchRequest(q, PageSize: 10)).Hits.Select(h => h.ArticleId).Order();

    [Fact]
    public void All_words_are_required()
    {
        Assert.Equal(["a"], Matches("Pakistan terrorism"));
    }

    [Fact]
    public void Words_are_stemmed()
    {
        Assert.Equal(["a"], Matches("agree cooperating"));
    }

    [Fact]
    public void Quoted_phrase_needs_the_words_in_order()
    {
        Assert.Equal(["b"], Matches("\"financing of terrorism\""));
        Assert.Empty(Matches("\"terrorism financing\""));
    }

    [Fact]
    public void Quoted_phrase_with_a_slop_matches_its_words_that_many_positions_apart_in_any_order()
    {
        Assert.Empty(Matches("\"cocoa rose\""));
        Assert.Equal(["c"], Matches("\"cocoa rose\"~1"));
        Assert.Equal(["c"], Matches("\"rose cocoa\"~3"));
        Assert.Empty(Matches("\"rose cocoa\"~2"));
    }

    [Theory]
    [InlineData("\"cocoa bahia\"~99999999999999999999")]
    [InlineData("\"cocoa bahia\"~2147483647")]
    public void Quoted_phrase_with_a_slop_past_an_int_is_the_widest(string q)
    {
        Assert.Equal(["c"], Matches(q));
    }

    [Theory]
    [InlineData("\"cocoa rose\"~")]
    [InlineData("\"cocoa rose\" ~1")]
    public void A_tilde_without_a_number_right_after_the_quote_is_no_slop(string q)
    {
        Assert.Empty(Matches(q));
    }

    [Fact]
    public void Minus_excludes()
    {
        Assert.Equal(["b"], Matches("terrorism -Pakistan"));
    }

    [Fact]
    public void Only_exclusions_match_everything_else()
    {
        Assert.Equal(["c", "d"], Matches("-terrorism"));
    }

    [Fact]
    public void OR_between_words_matches_either()
    {
        Assert.Equal(["c", "d"], Matches("cocoa OR OPEC"));
    }

    [Fact]
    public void OR_binds_tighter_than_the_implicit_AND()
    {
        Assert.Equal(["b"], Matches("terrorism Afghanistan OR Bahia"));
    }

    [Fact]
    public void NOT_excludes_the_next_word()
    {
        Assert.Equal(["a"], Matches("terrorism NOT Afghanistan"));
    }

    [Fact]
    public void Unclosed_quote_is_a_phrase_to_the_end_as_when_still_typing()
    {
        Assert.Equal(["b"], Matches("\"financing of terrorism"));
    }

    [Fact]
    public void Trailing_star_is_a_prefix()
    {
        Assert.Equal(["a", "b"], Matches("terror*"));
    }

    [Fact]
    public void One_letter_prefix_is_not_expanded()
    {
        Assert.Empty(Matches("t*"));
    }

    [Theory]
    [InlineData("terrorism \"")]
    [InlineData("terrorism AND")]
    [InlineData("OR OR terrorism OR")]
    [InlineData("((terrorism")]
    [InlineData("terrorism~~ ^^ :: [ ] { } \\")]
    [InlineData("- + ! terrorism")]
    public void Broken_syntax_still_searches(string q)
    {
        Assert.NotEmpty(Matches(q));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("***")]
    [InlineData("-")]
    [InlineData("the of and")]
    [InlineData("!@#$%^&*()")]
    public void Input_without_searchable_words_matches_nothing_without_error(string q)
    {
        Assert.Empty(Matches(q));
    }

    [Fact]
    public void Very_long_input_is_answered()
    {
        var q = string.Join(' ', Enumerable.Repeat("terrorism", 5000)) + " " + new string('x', 20_000);
        Assert.Equal(["a", "b"], Matches(q));
    }

    [Fact]
    public void Words_past_the_cap_are_ignored_not_rejected()
    {
        // Every word is required, so the unknown last word would match nothing were it not past the cap.
        var q = string.Join(' ', Enumerable.Repeat("cocoa", UserQueryParser.MaxClauses)) + " xylophonist";
        Assert.Equal(["c"], Matches(q));
        Assert.Empty(Matches("cocoa xylophonist"));
    }

    public void Dispose() => index.Dispose();
}
