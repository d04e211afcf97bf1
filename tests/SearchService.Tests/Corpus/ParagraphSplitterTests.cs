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
}
