using SearchService.Core.Corpus;

namespace SearchService.Tests.Corpus;

public class ParagraphSplitterTests
{
    [Fact]
    public void FoldedParagraphComesBackAsItIs()
    {
        const string paragraph = "The Bank of Spain raised its call money rate to 14 pct.";
        Assert.Same(paragraph, ParagraphSplitter.Normalize(paragraph));
    }

    [Theory]
    [InlineData(" The bank  raised\tits rate.\n", "The bank raised its rate.")]
    [InlineData("The bank raised its rate. ", "The bank raised its rate.")]
    [InlineData("The bank\u00a0raised its rate.", "The bank raised its rate.")]
    public void WhiteSpaceRunsFoldToOneSpace(string paragraph, string folded) =>
        Assert.Equal(folded, ParagraphSplitter.Normalize(paragraph));

    [Fact]
    public void A_paragraph_longer_than_the_bound_is_cut_at_sentence_ends_and_loses_no_word()
    {
        // 300 sentences of 100 characters: a block a feed sent without marking its paragraphs.
        var sentences = Enumerable.Range(0, 300).Select(i => $"Sentence {i:D3} says the central bank raised its call money rate to fourteen percent today.").ToList();
        var block = string.Join(' ', sentences);

        var paragraphs = ParagraphSplitter.Split(block);

        Assert.Equal(3, paragraphs.Count);
        Assert.All(paragraphs, p => Assert.True(p.Length <= ParagraphSplitter.LongestParagraph, $"{p.Length} characters"));
        Assert.All(paragraphs, p => Assert.EndsWith("today.", p, StringComparison.Ordinal));
        Assert.Equal(block, string.Join(' ', paragraphs));
    }

    [Fact]
    public void A_long_paragraph_without_sentence_ends_is_cut_at_a_space()
    {
        var block = string.Join(' ', Enumerable.Repeat("zebu hides", 3_000));

        var paragraphs = ParagraphSplitter.Bounded([block]);

        Assert.Equal(4, paragraphs.Count);
        Assert.All(paragraphs, p => Assert.True(p.Length <= ParagraphSplitter.LongestParagraph && !p.StartsWith(' ') && !p.EndsWith(' ')));
        Assert.Equal(block, string.Join(' ', paragraphs));
    }

    [Fact]
    public void A_long_run_without_spaces_is_cut_at_the_bound_and_never_inside_a_character()
    {
        // An odd start puts the limit between the halves of an emoji.
        var run = "x" + string.Concat(Enumerable.Repeat("\U0001F600", 6_000));

        var paragraphs = ParagraphSplitter.Bounded([run]);

        Assert.Equal(run, string.Concat(paragraphs));
        Assert.All(paragraphs, p => Assert.True(p.Length <= ParagraphSplitter.LongestParagraph && !char.IsHighSurrogate(p[^1]) && !char.IsLowSurrogate(p[0])));
    }
}
